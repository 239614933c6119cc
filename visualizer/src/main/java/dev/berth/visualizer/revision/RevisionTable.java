package dev.berth.visualizer.revision;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/// The revisions of the running app, oldest first: name, state (coloured by health), active, latest,
/// ready/total replicas, configured weight, labels, created and image. Several rows can be selected (a swap
/// takes two); the selection survives refreshes by name. FX thread only.
public final class RevisionTable extends BorderPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT);

    private final ObservableList<RevisionRow> rows = FXCollections.observableArrayList();
    private final TableView<RevisionRow> table = new TableView<>(rows);
    private final ReadOnlyObjectWrapper<List<String>> selected = new ReadOnlyObjectWrapper<>(this, "selected", List.of());
    private final Label placeholder = new Label("No revisions");
    private boolean updating;

    public RevisionTable(ZoneId zone) {
        getStyleClass().add("berth-revision-table");
        getStylesheets().add(RevisionStyles.STYLESHEET);
        table.setId("revisionTable");
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        table.getStyleClass().add("dense");
        // Unconstrained: a narrow table scrolls sideways instead of cutting every column to "…".
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().addAll(List.of(
                column("Revision", 140, RevisionRow::name),
                healthColumn(),
                flag("Active", RevisionRow::active),
                flag("Latest", RevisionRow::latest),
                numeric(column("Replicas", 92, row -> row.readyReplicas() + "/" + row.replicas())),
                numeric(column("Weight", 82, row -> row.active() ? row.weight() + "%" : "—")),
                column("Labels", 90, row -> String.join(", ", row.labels())),
                column("Created", 134, row -> row.created() == null ? "" : WHEN.format(row.created().atZone(zone))),
                mono(column("Image", 200, RevisionRow::image))));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RevisionRow>) c -> {
            if (!updating) publishSelection();
        });
        setCenter(table);
    }

    /// Shows `revisions` in the order given, keeping the selected ones (by name) selected.
    public void setRevisions(List<RevisionRow> revisions) {
        var keep = selected.get();
        updating = true;
        try {
            rows.setAll(revisions);
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < rows.size(); i++) {
                if (keep.contains(rows.get(i).name())) table.getSelectionModel().select(i);
            }
        } finally {
            updating = false;
        }
        publishSelection();
    }

    private void publishSelection() {
        var names = table.getSelectionModel().getSelectedItems().stream().map(RevisionRow::name).toList();
        if (!names.equals(selected.get())) selected.set(names);
    }

    /// The names of the selected revisions, in the order they are listed.
    public ReadOnlyObjectProperty<List<String>> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /// What the empty table says (e.g. why there are no revisions).
    public void setPlaceholderText(String text) {
        placeholder.setText(text);
    }

    public List<RevisionRow> rows() {
        return List.copyOf(rows);
    }

    public TableView<RevisionRow> tableView() {
        return table;
    }

    private static TableColumn<RevisionRow, String> column(String title, double width, Function<RevisionRow, String> value) {
        var column = new TableColumn<RevisionRow, String>(title);
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 50));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static TableColumn<RevisionRow, String> flag(String title, Function<RevisionRow, Boolean> value) {
        var column = column(title, 74, row -> value.apply(row) ? "✓" : "");
        column.getStyleClass().add("flag");
        return column;
    }

    private static TableColumn<RevisionRow, String> numeric(TableColumn<RevisionRow, String> column) {
        column.getStyleClass().add("numeric");
        return column;
    }

    private static TableColumn<RevisionRow, String> mono(TableColumn<RevisionRow, String> column) {
        column.getStyleClass().add("mono");
        return column;
    }

    /// The state, coloured by [RevisionRow#health()].
    private TableColumn<RevisionRow, String> healthColumn() {
        var column = column("State", 150, RevisionRow::healthText);
        column.setMinWidth(110);
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().removeIf(style -> style.startsWith("tone-"));
                setText(empty ? null : value);
                var row = empty ? null : getTableRow().getItem();
                if (row != null) getStyleClass().add(row.health().styleClass());
            }
        });
        return column;
    }

}
