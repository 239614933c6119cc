package dev.berth.visualizer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import static dev.berth.visualizer.InvocationTable.column;

/// The replicas of the running app, one row each, with their state as a coloured badge. `update`
/// takes a full snapshot and changes only the rows that differ, so the user's selection survives.
/// FX thread only.
public final class ReplicaTable extends BorderPane {
    static final String PLACEHOLDER = "No replicas running";

    private final ObservableList<ReplicaRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ReplicaRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final TableView<ReplicaRow> table = new TableView<>(rows);
    private final ZoneId zone;
    private final TableColumn<ReplicaRow, String> device = deviceColumn();

    public ReplicaTable() {
        this(ZoneId.systemDefault());
    }

    public ReplicaTable(ZoneId zone) {
        this.zone = zone;
        getStyleClass().add("berth-replica-table");
        getStylesheets().add(Styles.STYLESHEET);
        table.setPlaceholder(new Label(PLACEHOLDER));
        // Unconstrained: a narrow table scrolls sideways instead of cutting every column to "…".
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getStyleClass().add("dense");
        table.getColumns().addAll(List.of(
                width(column("Replica", ReplicaRow::id), 140),
                stateColumn(),
                width(column("Revision", ReplicaRow::revision), 110),
                device,
                numeric(column("Port", ReplicaRow::hostPort)),
                numeric(column("In flight", ReplicaRow::outstanding)),
                numeric(column("Restarts", ReplicaRow::restarts)),
                timeColumn("Started", ReplicaRow::started),
                readyAfterColumn(),
                mono(width(column("Container", (ReplicaRow r) -> Formats.shortId(r.containerId())), 120))));
        setCenter(table);
    }

    /// Shows this snapshot of all replicas, in its order. Rows keep their identity by id: a changed
    /// replica is replaced in place, and the selected replica stays selected while it exists.
    public void update(List<ReplicaRow> snapshot) {
        // Only an app on GPUs needs the column; its CPU fallback must be seen, so it comes early.
        device.setVisible(snapshot.stream().anyMatch(r -> !r.device().isEmpty()));
        ReplicaRow selected = table.getSelectionModel().getSelectedItem();
        if (sameIds(snapshot)) {
            for (int i = 0; i < snapshot.size(); i++) {
                if (!rows.get(i).equals(snapshot.get(i))) {
                    rows.set(i, snapshot.get(i));
                }
            }
        } else {
            rows.setAll(snapshot);
        }
        reselect(selected == null ? null : selected.id());
    }

    /// The rows shown, in order. Read-only.
    public ObservableList<ReplicaRow> rows() {
        return rowsView;
    }

    /// The selected replica, or null.
    public ReadOnlyObjectProperty<ReplicaRow> selectedProperty() {
        return table.getSelectionModel().selectedItemProperty();
    }

    TableView<ReplicaRow> tableView() {
        return table;
    }

    private boolean sameIds(List<ReplicaRow> snapshot) {
        if (snapshot.size() != rows.size()) {
            return false;
        }
        for (int i = 0; i < snapshot.size(); i++) {
            if (!Objects.equals(snapshot.get(i).id(), rows.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    private void reselect(String id) {
        if (id == null) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (id.equals(rows.get(i).id())) {
                if (table.getSelectionModel().getSelectedIndex() != i) {
                    table.getSelectionModel().clearAndSelect(i);
                }
                return;
            }
        }
        table.getSelectionModel().clearSelection();
    }

    private TableColumn<ReplicaRow, String> stateColumn() {
        TableColumn<ReplicaRow, String> column = column("State", ReplicaRow::state);
        column.setCellFactory(ignored -> new BadgeCell());
        column.setPrefWidth(130);
        return column;
    }

    private TableColumn<ReplicaRow, Instant> timeColumn(String title, Function<ReplicaRow, Instant> value) {
        TableColumn<ReplicaRow, Instant> column = column(title, value);
        column.setCellFactory(ignored -> new InvocationTable.TextCell<>(at -> Formats.time(at, zone), "mono"));
        column.setPrefWidth(90);
        return column;
    }

    /// "GPU 0", or "CPU fallback" in the warning colour with the whole reason as a tooltip.
    private static TableColumn<ReplicaRow, String> deviceColumn() {
        TableColumn<ReplicaRow, String> column = column("Device", ReplicaRow::device);
        column.setId("deviceColumn");
        column.setVisible(false);
        column.setPrefWidth(120);
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                boolean cpu = !empty && text != null && text.startsWith("CPU");
                setText(empty || text == null ? null : cpu ? "CPU fallback" : text);
                setTooltip(cpu ? new javafx.scene.control.Tooltip(text) : null);
                pseudoClassStateChanged(FELL_BACK, cpu);
            }
        });
        return column;
    }

    private static final javafx.css.PseudoClass FELL_BACK = javafx.css.PseudoClass.getPseudoClass("fell-back");

    private static <V> TableColumn<ReplicaRow, V> width(TableColumn<ReplicaRow, V> column, double width) {
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<ReplicaRow, String> readyAfterColumn() {
        TableColumn<ReplicaRow, String> column = column("Ready after",
                (ReplicaRow r) -> Formats.readyAfter(r.started(), r.ready()));
        column.setCellFactory(ignored -> new InvocationTable.TextCell<>(String::valueOf, "numeric"));
        column.setPrefWidth(95);
        return column;
    }

    private static <V> TableColumn<ReplicaRow, V> mono(TableColumn<ReplicaRow, V> column) {
        column.setCellFactory(ignored -> new InvocationTable.TextCell<>(String::valueOf, "mono"));
        return column;
    }

    private static TableColumn<ReplicaRow, Integer> numeric(TableColumn<ReplicaRow, Integer> column) {
        column.setCellFactory(ignored -> new InvocationTable.TextCell<>(String::valueOf, "numeric"));
        column.setPrefWidth(85);
        return column;
    }

    /// The state as a rounded badge in its tone's colours.
    private static final class BadgeCell extends TableCell<ReplicaRow, String> {
        private final Label badge = new Label();

        BadgeCell() {
            badge.getStyleClass().add("state-badge");
            setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(String state, boolean empty) {
            super.updateItem(state, empty);
            setText(null);
            if (empty || state == null) {
                setGraphic(null);
                return;
            }
            badge.setText(state);
            badge.getStyleClass().removeIf(style -> style.startsWith("tone-"));
            badge.getStyleClass().add(Tone.ofReplicaState(state).styleClass());
            setGraphic(badge);
        }
    }
}
