package dev.berth.visualizer.durable;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/// The orchestration instances: name, id, status (coloured), created and last updated, with a status filter
/// and a search box for instance ids above. The filter and search are properties the owner turns into a
/// query; the list shows what it is given. The selected instance stays selected across refreshes (by id),
/// and when a refresh or a filter hides it, so its detail does not vanish under the user. FX thread only.
public final class InstanceList extends BorderPane {
    /// The runtime statuses the filter offers, by their HTTP API names.
    public static final List<String> STATUSES =
            List.of("Running", "Pending", "Suspended", "Completed", "Failed", "Terminated", "ContinuedAsNew", "Canceled");
    static final String ALL = "All statuses";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT);

    private final ObservableList<InstanceRow> rows = FXCollections.observableArrayList();
    private final TableView<InstanceRow> table = new TableView<>(rows);
    private final ComboBox<String> status = new ComboBox<>();
    private final TextField search = new TextField();
    private final ObjectProperty<String> statusFilter = new SimpleObjectProperty<>(this, "statusFilter");
    private final ReadOnlyObjectWrapper<InstanceRow> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final Label note = new Label();
    private final Label placeholder = new Label("No orchestration instances");
    private boolean updating;
    /// The instance the user (or [#select]) chose last, listed or not.
    private String selectedId;

    public InstanceList(ZoneId zone) {
        getStyleClass().add("berth-instance-list");
        getStylesheets().add(DurableStyles.STYLESHEET);
        List<String> choices = new ArrayList<>();
        choices.add(ALL);
        choices.addAll(STATUSES);
        status.getItems().setAll(choices);
        status.setValue(ALL);
        status.setId("instanceStatusFilter");
        status.valueProperty().addListener((obs, old, now) -> statusFilter.set(ALL.equals(now) ? null : now));
        statusFilter.addListener((obs, old, now) -> status.setValue(now == null ? ALL : now));
        search.setId("instanceSearch");
        search.setPromptText("Search by instance id");
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox bar = new HBox(6, status, search);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("instance-toolbar");
        table.setId("instanceTable");
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        table.getStyleClass().add("dense");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(text("Name", 120, InstanceRow::name), text("Instance id", 130, InstanceRow::instanceId),
                statusColumn(), time("Created", zone, InstanceRow::created), time("Last updated", zone, InstanceRow::lastUpdated)));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!updating && row != null) {
                selectedId = row.instanceId();
                selected.set(row);
            }
        });
        note.getStyleClass().add("instance-note");
        note.managedProperty().bind(note.visibleProperty());
        note.setVisible(false);
        setTop(bar);
        setCenter(table);
        setBottom(note);
    }

    /// Shows `instances` (in the order given), keeping the selected one selected by id.
    public void setInstances(List<InstanceRow> instances) {
        updating = true;
        try {
            rows.setAll(instances);
            reselect();
        } finally {
            updating = false;
        }
    }

    /// Selects the instance with `instanceId` and scrolls to it, now or, when it is not listed yet (just
    /// started), as soon as a refresh lists it; null clears the selection.
    public void select(String instanceId) {
        selectedId = instanceId;
        if (instanceId == null) {
            table.getSelectionModel().clearSelection();
            selected.set(null);
            return;
        }
        reselect();
        table.getSelectionModel().getSelectedItems().stream().findFirst().ifPresent(table::scrollTo);
    }

    private void reselect() {
        rows.stream().filter(row -> row.instanceId().equals(selectedId)).findFirst().ifPresentOrElse(row -> {
            table.getSelectionModel().select(row);
            selected.set(row);
        }, () -> table.getSelectionModel().clearSelection());
    }

    /// The instance whose detail should show: the one the user selected last, as listed most recently.
    public ReadOnlyObjectProperty<InstanceRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /// Only instances of this status; null shows all.
    public ObjectProperty<String> statusFilterProperty() {
        return statusFilter;
    }

    /// The instance id prefix typed in the search box.
    public StringProperty searchProperty() {
        return search.textProperty();
    }

    /// A line under the table (e.g. "More instances match: narrow the filter"); null or "" hides it.
    public void setNote(String text) {
        note.setText(text == null ? "" : text);
        note.setVisible(text != null && !text.isEmpty());
    }

    /// What the empty table says (e.g. why there are no instances yet).
    public void setPlaceholderText(String text) {
        placeholder.setText(text);
    }

    public List<InstanceRow> rows() {
        return List.copyOf(rows);
    }

    public TableView<InstanceRow> tableView() {
        return table;
    }

    private static TableColumn<InstanceRow, String> text(String title, double width, Function<InstanceRow, String> value) {
        TableColumn<InstanceRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(60);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static TableColumn<InstanceRow, String> time(String title, ZoneId zone, Function<InstanceRow, Instant> value) {
        TableColumn<InstanceRow, String> column = text(title, 124, row -> {
            Instant at = value.apply(row);
            return at == null ? "" : WHEN.format(at.atZone(zone));
        });
        column.setMinWidth(124);
        return column;
    }

    private static TableColumn<InstanceRow, String> statusColumn() {
        TableColumn<InstanceRow, String> column = text("Status", 100, InstanceRow::status);
        column.setMinWidth(100); // "ContinuedAsNew" whole: the status is what the list is scanned for
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().removeIf(style -> style.startsWith("status-"));
                setText(empty ? null : value);
                if (!empty) {
                    getStyleClass().add(DurableStyles.statusClass(value));
                }
            }
        });
        return column;
    }
}
