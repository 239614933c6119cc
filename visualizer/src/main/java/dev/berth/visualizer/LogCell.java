package dev.berth.visualizer;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.time.ZoneId;

/// One visible log line: time, source and text in their own labels, so each can take its colour.
/// The flow reuses a few dozen of these for any number of lines. FX thread only.
///
/// Layout is kept free of text measurement, which dominated the cost of a batch: the time and source
/// columns have fixed widths (visualizer.css), the text takes the rest and is cut with an ellipsis,
/// and the cell reports no preferred width, so the flow never measures lines for a horizontal
/// scroll bar. Standard error is a pseudo-class, which restyles more cheaply than a style class.
final class LogCell extends ListCell<LogEntry> {
    static final PseudoClass STDERR = PseudoClass.getPseudoClass("stderr");

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
        text.setMinWidth(0);
        text.setPrefWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        row.getStyleClass().add("log-row");
        setText(null);
    }

    @Override
    protected void updateItem(LogEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        if (empty || entry == null) {
            setGraphic(null);
            pseudoClassStateChanged(STDERR, false);
            return;
        }
        time.setText(Formats.timeMillis(entry.at(), zone));
        source.setText(entry.source());
        text.setText(entry.text());
        pseudoClassStateChanged(STDERR, entry.isStderr());
        setGraphic(row);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }
}
