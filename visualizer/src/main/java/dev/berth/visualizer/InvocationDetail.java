package dev.berth.visualizer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.ZoneId;

/// The request and response of one invocation, side by side, under a summary line. Shows a hint
/// while no row is selected. FX thread only.
final class InvocationDetail extends BorderPane {
    static final String HINT = "Select an invocation to see its request and response";

    private final ObjectProperty<InvocationRow> row = new SimpleObjectProperty<>(this, "row");
    private final ZoneId zone;
    private final Label summary = new Label(HINT);
    private final Label error = new Label();
    private final TextArea request = textArea("detail-request");
    private final TextArea response = textArea("detail-response");

    InvocationDetail(ZoneId zone) {
        this.zone = zone;
        getStyleClass().add("invocation-detail");
        summary.getStyleClass().add("detail-summary");
        error.getStyleClass().addAll("detail-error", Tone.DANGER.styleClass());
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        SplitPane bodies = new SplitPane(titled("Request", request), titled("Response", response));
        bodies.setOrientation(Orientation.HORIZONTAL);
        setTop(new VBox(summary, error));
        setCenter(bodies);
        row.addListener((obs, old, now) -> show(now));
        show(null);
    }

    ObjectProperty<InvocationRow> rowProperty() {
        return row;
    }

    private void show(InvocationRow shown) {
        if (shown == null) {
            summary.setText(HINT);
            error.setVisible(false);
            request.clear();
            response.clear();
            return;
        }
        summary.setText("%s  %s  %s  %s ms  on %s  (%s)".formatted(Formats.timeMillis(shown.at(), zone),
                shown.function(), Formats.status(shown.status()), Formats.millis(shown.duration()),
                shown.replica(), shown.id()));
        error.setText(shown.error() == null ? "" : shown.error());
        error.setVisible(shown.error() != null && !shown.error().isBlank());
        request.setText(shown.request() == null ? "" : shown.request());
        response.setText(shown.response() == null ? "" : shown.response());
    }

    private static TextArea textArea(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true); // bodies are often one long JSON line
        area.getStyleClass().add("mono");
        return area;
    }

    private static VBox titled(String title, TextArea area) {
        Label label = new Label(title);
        label.getStyleClass().add("detail-title");
        VBox box = new VBox(label, area);
        VBox.setVgrow(area, Priority.ALWAYS);
        box.getStyleClass().add("detail-body");
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }
}
