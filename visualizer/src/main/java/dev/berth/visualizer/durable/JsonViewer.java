package dev.berth.visualizer.durable;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/// A titled, read-only view of a JSON payload, indented; text that is not JSON shows as it is, and no
/// payload shows as "(none)". FX thread only.
public final class JsonViewer extends VBox {
    static final String NONE = "(none)";

    private final Label title = new Label();
    private final TextArea text = new TextArea();

    public JsonViewer(String title, String id) {
        this.title.setText(title);
        this.title.getStyleClass().add("json-title");
        text.setId(id);
        text.setEditable(false);
        text.setWrapText(false);
        text.getStyleClass().add("json-text");
        text.setPrefRowCount(4);
        getStyleClass().add("json-viewer");
        VBox.setVgrow(text, Priority.ALWAYS);
        getChildren().addAll(this.title, text);
    }

    /// Shows `json` indented (null shows "(none)").
    public void show(String json) {
        text.setText(json == null ? NONE : Json.pretty(json));
    }

    /// Shows `plain` as it is (a failure's text, a stack trace).
    public void showText(String plain) {
        text.setText(plain == null ? NONE : plain);
    }

    public String text() {
        return text.getText();
    }
}
