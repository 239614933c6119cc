package dev.berth.visualizer.jobs;

import dev.berth.visualizer.Formats;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/// The project's jobs: name, trigger, schedule and the newest execution's status. Selecting a row is what
/// the timeline shows ([#selectedProperty]). FX thread only.
public final class JobList extends TableView<JobRow> {
    private final ObservableList<JobRow> rows = FXCollections.observableArrayList();

    public JobList(ZoneId zone) {
        setItems(rows);
        getStyleClass().add("berth-job-list");
        getStylesheets().add(ExecutionTimeline.STYLESHEET);
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(column("Job", 120, JobRow::name));
        getColumns().add(column("Trigger", 75, JobRow::trigger));
        getColumns().add(column("Schedule", 105, JobRow::schedule));
        var last = column("Last run", 140, r -> r.lastStatus().map(s -> s + " · "
                + r.lastStarted().map(t -> Formats.time(t, zone)).orElse("")).orElse("never run"));
        last.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeIf(s -> s.startsWith("status-"));
                setText(empty ? null : text);
                if (!empty && text != null) {
                    getStyleClass().add("status-" + text.split(" ")[0].toLowerCase(Locale.ROOT));
                }
            }
        });
        getColumns().add(last);
        setPlaceholder(new Label("No jobs in this project. Add jobs/<name>.yaml."));
    }

    /// Shows `jobs`, keeping the selected job selected when it is still there.
    public void setJobs(List<JobRow> jobs) {
        var selected = getSelectionModel().getSelectedItem();
        rows.setAll(jobs);
        if (selected != null) select(selected.name());
    }

    /// Selects the job named `name` (null: none).
    public void select(String name) {
        for (int i = 0; i < rows.size(); i++) {
            if (Objects.equals(rows.get(i).name(), name)) {
                getSelectionModel().select(i);
                return;
            }
        }
        getSelectionModel().clearSelection();
    }

    public ReadOnlyObjectProperty<JobRow> selectedProperty() { return getSelectionModel().selectedItemProperty(); }

    private static TableColumn<JobRow, String> column(String title, double width, Function<JobRow, String> value) {
        var column = new TableColumn<JobRow, String>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        return column;
    }
}
