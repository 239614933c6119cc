package dev.berth.visualizer.durable;

import dev.berth.visualizer.Formats;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.time.ZoneId;
import java.util.List;

/// The orchestrator's own log lines of one instance, each once, marked "first execution" or "replay" and
/// with its replay count (see [OrchestratorLog]). Virtualized. FX thread only.
public final class OrchestratorLogView extends ListView<OrchestratorLog.Entry> {
    static final String PLACEHOLDER = "No orchestrator log lines for this instance. Lines the orchestrator prints as"
            + " \"durable-log instance=<id> replay=<true|false> <text>\" show here.";
    private static final PseudoClass REPLAY = PseudoClass.getPseudoClass("replay");

    private final ObservableList<OrchestratorLog.Entry> entries = FXCollections.observableArrayList();

    public OrchestratorLogView(ZoneId zone) {
        getStyleClass().add("berth-orchestrator-log");
        getStylesheets().add(DurableStyles.STYLESHEET);
        setItems(entries);
        setFixedCellSize(24);
        Label placeholder = new Label(PLACEHOLDER);
        placeholder.setWrapText(true);
        setPlaceholder(placeholder);
        setCellFactory(ignored -> new EntryCell(zone));
    }

    public void setEntries(List<OrchestratorLog.Entry> shown) {
        entries.setAll(shown);
    }

    private static final class EntryCell extends ListCell<OrchestratorLog.Entry> {
        private final ZoneId zone;
        private final Label time = new Label();
        private final Label marker = new Label();
        private final Label text = new Label();
        private final HBox row = new HBox(time, marker, text);

        EntryCell(ZoneId zone) {
            this.zone = zone;
            time.getStyleClass().add("log-time");
            marker.getStyleClass().add("log-marker");
            text.getStyleClass().add("log-text");
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            row.getStyleClass().add("log-row");
        }

        @Override
        protected void updateItem(OrchestratorLog.Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(null);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            time.setText(Formats.timeMillis(entry.at(), zone));
            marker.setText(entry.marker());
            marker.pseudoClassStateChanged(REPLAY, !entry.firstExecution());
            text.setText(entry.text());
            setGraphic(row);
        }
    }
}
