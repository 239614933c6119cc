package dev.berth.visualizer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/// The latest invocations, newest first, at most `capacity` of them, with the selected one's request
/// and response below the table. Column sorting is the user's choice and never reorders `rows()`.
/// FX thread only.
public final class InvocationTable extends BorderPane {
    public static final int DEFAULT_CAPACITY = 10_000;
    static final String PLACEHOLDER = "No invocations yet — call a function";

    private final int capacity;
    private final ObservableList<InvocationRow> rows = FXCollections.observableArrayList();
    private final ObservableList<InvocationRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final TableView<InvocationRow> table = new TableView<>();
    private final ZoneId zone;
    private final ObjectProperty<String> functionFilter = new SimpleObjectProperty<>(this, "functionFilter");

    public InvocationTable() {
        this(DEFAULT_CAPACITY, ZoneId.systemDefault());
    }

    public InvocationTable(int capacity, ZoneId zone) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.zone = zone;
        getStyleClass().add("berth-invocation-table");
        getStylesheets().add(Styles.STYLESHEET);
        FilteredList<InvocationRow> filtered = new FilteredList<>(rows);
        filtered.predicateProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(() -> {
            String function = functionFilter.get();
            return function == null ? row -> true : row -> function.equals(row.function());
        }, functionFilter));
        SortedList<InvocationRow> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label(PLACEHOLDER));
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add("dense"); // AtlantaFX's compact rows: more invocations in sight
        table.getColumns().addAll(List.of(timeColumn(), sized(column("Function", InvocationRow::function), 160, 90),
                statusColumn(), durationColumn(), sized(column("Replica", InvocationRow::replica), 140, 90)));
        InvocationDetail detail = new InvocationDetail(zone);
        detail.rowProperty().bind(table.getSelectionModel().selectedItemProperty());
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setCenter(split);
    }

    /// Adds finished invocations (in the order they finished); the oldest fall off past capacity.
    public void add(List<InvocationRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<InvocationRow> newestFirst = new ArrayList<>(batch.subList(Math.max(0, batch.size() - capacity), batch.size()));
        Collections.reverse(newestFirst);
        rows.addAll(0, newestFirst);
        if (rows.size() > capacity) {
            rows.remove(capacity, rows.size());
        }
    }

    public void clear() {
        rows.clear();
    }

    /// The rows held, newest first. Read-only.
    public ObservableList<InvocationRow> rows() {
        return rowsView;
    }

    /// Only invocations of this function show (`rows()` still holds all); null shows all.
    public ObjectProperty<String> functionFilterProperty() {
        return functionFilter;
    }

    /// The row the user selected, or null.
    public ReadOnlyObjectProperty<InvocationRow> selectedProperty() {
        return table.getSelectionModel().selectedItemProperty();
    }

    /// Selects `row` (when held) and shows its detail.
    public void select(InvocationRow row) {
        table.getSelectionModel().select(row);
        table.scrollTo(row);
    }

    TableView<InvocationRow> tableView() {
        return table;
    }

    private TableColumn<InvocationRow, Instant> timeColumn() {
        TableColumn<InvocationRow, Instant> column = sized(column("Time", InvocationRow::at), 125, 120);
        column.setCellFactory(ignored -> new TextCell<>(at -> Formats.timeMillis(at, zone), "mono"));
        return column;
    }

    private TableColumn<InvocationRow, Integer> statusColumn() {
        TableColumn<InvocationRow, Integer> column = sized(column("Status", InvocationRow::status), 70, 60);
        column.setCellFactory(ignored -> new StatusCell());
        return column;
    }

    private TableColumn<InvocationRow, Duration> durationColumn() {
        TableColumn<InvocationRow, Duration> column =
                sized(column("Duration (ms)", InvocationRow::duration), 125, 120);
        column.setCellFactory(ignored -> new TextCell<>(Formats::millis, "numeric"));
        return column;
    }

    /// The minimum keeps the constrained resize policy from squeezing a column down to "…".
    private static <V> TableColumn<InvocationRow, V> sized(TableColumn<InvocationRow, V> column, double prefWidth,
                                                           double minWidth) {
        column.setPrefWidth(prefWidth);
        column.setMinWidth(minWidth);
        return column;
    }

    static <S, V> TableColumn<S, V> column(String title, Function<S, V> value) {
        TableColumn<S, V> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> constant(value.apply(cell.getValue())));
        return column;
    }

    private static <V> ObservableValue<V> constant(V value) {
        return new ReadOnlyObjectWrapper<>(value).getReadOnlyProperty();
    }

    /// A cell that shows a value through a formatter, with optional style classes.
    static final class TextCell<S, V> extends TableCell<S, V> {
        private final Function<V, String> format;

        TextCell(Function<V, String> format, String... styleClasses) {
            this.format = format;
            getStyleClass().addAll(styleClasses);
        }

        @Override
        protected void updateItem(V item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : format.apply(item));
        }
    }

    /// The HTTP status in its tone's colour (the error text itself is in the detail pane).
    private static final class StatusCell extends TableCell<InvocationRow, Integer> {
        StatusCell() {
            getStyleClass().addAll("status-cell", "mono");
        }

        @Override
        protected void updateItem(Integer status, boolean empty) {
            super.updateItem(status, empty);
            getStyleClass().removeIf(style -> style.startsWith("tone-"));
            if (empty || status == null) {
                setText(null);
                return;
            }
            setText(Formats.status(status));
            getStyleClass().add(Tone.ofHttpStatus(status).styleClass());
        }
    }
}
