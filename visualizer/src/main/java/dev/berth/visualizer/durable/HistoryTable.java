package dev.berth.visualizer.durable;

import dev.berth.visualizer.Formats;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

/// An instance's history, one row per event (virtualized: 50,000 rows cost what the visible ones cost),
/// with the selected event's payload below it, indented, and its failure when it has one. FX thread only.
public final class HistoryTable extends BorderPane {
    static final String PLACEHOLDER = "Select an instance to see its history";
    static final int PREVIEW_CHARS = 140;

    private final ObservableList<HistoryRow> rows = FXCollections.observableArrayList();
    private final TableView<HistoryRow> table = new TableView<>(rows);
    private final JsonViewer data = new JsonViewer("Data", "historyData");
    private final JsonViewer failure = new JsonViewer("Failure", "historyFailure");
    private final ZoneId zone;

    public HistoryTable(ZoneId zone) {
        this.zone = zone;
        getStyleClass().add("berth-history-table");
        getStylesheets().add(DurableStyles.STYLESHEET);
        table.setId("historyTable");
        table.setPlaceholder(new Label(PLACEHOLDER));
        table.setFixedCellSize(24); // no measuring of cells: 50k rows scroll like 50
        table.getStyleClass().add("dense");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                column("#", 56, row -> Integer.toString(row.sequence()), "numeric"),
                column("Time", 110, row -> Formats.timeMillis(row.timestamp(), zone), "mono"),
                column("Event", 250, row -> row.kind().eventType(), null),
                column("Name", 150, row -> row.name() == null ? "" : row.name(), null),
                column("Id", 86, HistoryTable::ids, "numeric"),
                column("Data", 200, HistoryTable::preview, "mono")));
        failure.managedProperty().bind(failure.visibleProperty());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> showDetail(row));
        SplitPane split = new SplitPane(table, new BorderPane(data, null, null, failure, null));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        setCenter(split);
        showDetail(null);
    }

    /// Shows `history`. With `keepSelection` (the same instance, grown) the selected event stays selected.
    public void setHistory(List<HistoryRow> history, boolean keepSelection) {
        HistoryRow was = keepSelection ? table.getSelectionModel().getSelectedItem() : null;
        rows.setAll(history);
        if (was != null && was.sequence() < rows.size() && rows.get(was.sequence()).sequence() == was.sequence()) {
            table.getSelectionModel().select(was.sequence());
        }
    }

    /// Selects the event with `sequence` and scrolls to it.
    public void select(int sequence) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).sequence() == sequence) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(Math.max(0, i - 3));
                return;
            }
        }
    }

    public ReadOnlyObjectProperty<HistoryRow> selectedProperty() {
        return table.getSelectionModel().selectedItemProperty();
    }

    /// The rows shown. Read-only use.
    public List<HistoryRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public TableView<HistoryRow> tableView() {
        return table;
    }

    private void showDetail(HistoryRow row) {
        data.show(row == null ? null : row.data());
        failure.setVisible(row != null && row.failure() != null);
        failure.showText(row == null ? null : row.failure());
    }

    private static String ids(HistoryRow row) {
        if (row.eventId() >= 0) {
            return "#" + row.eventId();
        }
        return row.taskId() >= 0 ? "→ #" + row.taskId() : "";
    }

    private static String preview(HistoryRow row) {
        String text = row.failure() != null ? row.failure() : row.data();
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= PREVIEW_CHARS ? line : line.substring(0, PREVIEW_CHARS - 1) + "…";
    }

    private static TableColumn<HistoryRow, HistoryRow> column(String title, double width,
                                                               Function<HistoryRow, String> text, String style) {
        TableColumn<HistoryRow, HistoryRow> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(width);
        column.setSortable(false); // history order is the point
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(ignored -> new TableCell<>() {
            {
                if (style != null) {
                    getStyleClass().add(style);
                }
            }

            @Override
            protected void updateItem(HistoryRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
                pseudoClassStateChanged(FAILED, !empty && row != null && row.failure() != null);
            }
        });
        return column;
    }

    private static final javafx.css.PseudoClass FAILED = javafx.css.PseudoClass.getPseudoClass("failed");
}
