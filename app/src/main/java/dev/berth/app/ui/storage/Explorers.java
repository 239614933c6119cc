package dev.berth.app.ui.storage;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/// What the two explorer views share: columns, buttons, the status line, times and sizes as shown, and
/// keeping a table's selection in step with a view model property across refreshes. FX thread only.
final class Explorers {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final Instant NEVER = Instant.parse("9999-12-31T23:59:59Z");

    private Explorers() {}

    static <S, T> TableColumn<S, T> column(String title, double width, Function<S, T> value) {
        var column = new TableColumn<S, T>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setReorderable(false);
        return column;
    }

    static Button button(String id, String text, Feather icon, String tip) {
        var button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        return button;
    }

    static Label status(String id, StatusLine line) {
        var label = new Label();
        label.setId(id);
        label.getStyleClass().add("storage-status");
        label.textProperty().bind(line.textProperty());
        line.errorProperty().addListener((o, was, error) -> mark(label, error));
        mark(label, line.errorProperty().get());
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static void mark(Label label, boolean error) {
        label.getStyleClass().removeAll(Styles.DANGER, "muted");
        label.getStyleClass().add(error ? Styles.DANGER : "muted");
    }

    static String time(Instant at) {
        if (at == null) return "";
        return at.equals(NEVER) ? "never" : TIME.format(at);
    }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /// Shows `rows` in `table` and links its selection both ways with `selected`, matched by `key`. A
    /// refresh replaces the rows, and a table clears its selection when its rows are replaced; the table
    /// therefore shows a copy that this method updates itself, so it can select the same key again without
    /// the view model ever seeing the selection drop.
    static <S, K> void bind(TableView<S> table, ObservableList<S> rows, ObjectProperty<K> selected, Function<S, K> key) {
        var shown = FXCollections.observableArrayList(rows);
        table.setItems(shown);
        boolean[] restoring = {false};
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!restoring[0]) selected.set(now == null ? null : key.apply(now));
        });
        rows.addListener((ListChangeListener<S>) change -> {
            boolean found;
            restoring[0] = true;
            try {
                shown.setAll(rows);
                found = reselect(table, selected.get(), key);
            } finally {
                restoring[0] = false;
            }
            if (!found) selected.set(null); // the row is gone (deleted, dequeued, expired)
        });
        selected.addListener((o, was, now) -> {
            var current = table.getSelectionModel().getSelectedItem();
            if (current == null ? now != null : !Objects.equals(key.apply(current), now)) {
                restoring[0] = true;
                try {
                    reselect(table, now, key);
                } finally {
                    restoring[0] = false;
                }
            }
        });
    }

    /// Whether a row with key `wanted` is there (null counts as found: nothing was selected).
    private static <S, K> boolean reselect(TableView<S> table, K wanted, Function<S, K> key) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (Objects.equals(key.apply(table.getItems().get(i)), wanted)) {
                table.getSelectionModel().select(i);
                return true;
            }
        }
        table.getSelectionModel().clearSelection();
        return wanted == null;
    }
}
