package dev.berth.visualizer;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.time.ZoneId;

/// One visible log line: time, source and text in their own labels, so each can take its colour.
/// The flow reuses a few dozen of these for any number of lines. FX thread only.
final class LogCell extends ListCell<LogEntry> {
    private static final String STDERR = "stderr";

    private final ZoneId zone;
    private final Label time = new Label();
    private final Label source = new Label();
    private final Label text = new Label();
    private final HBox row = new HBox(time, source, text);

    LogCell(ZoneId zone) {
        this.zone = zone;
        getStyleClass().add("log-cell");
        time.getStyleClass().add("log-time");
        source.getStyleClass().add("log-source");
        text.getStyleClass().add("log-text");
        time.setMinWidth(USE_PREF_SIZE);
        source.setMinWidth(USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        row.getStyleClass().add("log-row");
        setText(null);
    }

    @Override
    protected void updateItem(LogEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        if (empty || entry == null) {
            setGraphic(null);
            getStyleClass().remove(STDERR);
            return;
        }
        time.setText(Formats.timeMillis(entry.at(), zone));
        source.setText(entry.source());
        text.setText(entry.text());
        boolean stderr = entry.isStderr();
        if (stderr != getStyleClass().contains(STDERR)) {
            if (stderr) {
                getStyleClass().add(STDERR);
            } else {
                getStyleClass().remove(STDERR);
            }
        }
        setGraphic(row);
    }
}
