package dev.berth.app.ui.storage;

import dev.berth.editor.CodeEditor;
import dev.berth.editor.Diagnostic;
import dev.berth.editor.Language;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;
import java.util.concurrent.Executor;

/// The "Enqueue message" dialog: the queue's name and the message in a code editor, JSON by default (a
/// message that is meant as JSON but does not parse cannot be sent; the markers say where it breaks), or
/// plain text. FX thread only.
public final class EnqueueDialog {
    private final Dialog<EnqueueRequest> dialog = new Dialog<>();
    private final TextField queue = new TextField();
    private final CodeEditor json;
    private final CodeEditor plain;
    private final ToggleButton jsonMode = new ToggleButton("JSON");
    private final ToggleButton textMode = new ToggleButton("Text");
    private final Label problem = new Label();

    public EnqueueDialog(Window owner, Executor fx, String queueName) {
        json = new CodeEditor(Language.JSON, fx);
        plain = new CodeEditor(Language.PLAIN, fx);
        dialog.initOwner(owner);
        dialog.setTitle("Enqueue message");
        dialog.setHeaderText("Put a message on a queue");
        dialog.setResizable(true);
        queue.setId("enqueueQueueName");
        queue.setPromptText("queue name, e.g. orders");
        queue.setText(queueName);
        json.setId("enqueueEditor");
        plain.setId("enqueuePlainEditor");
        json.setText("{\n  \n}\n");
        json.setPrefSize(620, 300);
        plain.setPrefSize(620, 300);
        var modes = new ToggleGroup();
        jsonMode.setToggleGroup(modes);
        textMode.setToggleGroup(modes);
        jsonMode.setSelected(true);
        jsonMode.setId("enqueueJsonMode");
        textMode.setId("enqueueTextMode");
        modes.selectedToggleProperty().addListener((o, was, now) -> switchMode(was, now));
        problem.setId("enqueueProblem");
        problem.getStyleClass().add("storage-problem");
        problem.setWrapText(true);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(queue, Priority.ALWAYS);
        var top = new HBox(8, new Label("Queue"), queue, spacer, new HBox(jsonMode, textMode));
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        var body = new VBox(8, top, json, problem);
        VBox.setVgrow(json, Priority.ALWAYS);
        body.setPrefWidth(660);
        dialog.getDialogPane().setContent(body);
        var put = new ButtonType("Enqueue", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(put, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(put).setId("enqueueConfirmButton");
        dialog.getDialogPane().lookupButton(put).disableProperty().bind(blocked());
        json.diagnostics().addListener((ListChangeListener<Diagnostic>) c -> showProblem());
        dialog.setResultConverter(button -> button == put ? new EnqueueRequest(queue.getText().strip(), text()) : null);
    }

    private BooleanBinding blocked() {
        return Bindings.createBooleanBinding(() -> queue.getText().isBlank()
                || (jsonMode.isSelected() && !json.diagnostics().isEmpty()), queue.textProperty(), json.diagnostics(),
                jsonMode.selectedProperty());
    }

    private void showProblem() {
        problem.setText(json.diagnostics().isEmpty() ? "" : "Line " + json.diagnostics().getFirst().line() + ": "
                + json.diagnostics().getFirst().message() + " (choose Text to send it as plain text)");
    }

    private void switchMode(Object was, Object now) {
        if (now == null) {
            (was == jsonMode ? jsonMode : textMode).setSelected(true); // one mode is always chosen
            return;
        }
        var body = (VBox) dialog.getDialogPane().getContent();
        if (now == textMode) {
            plain.setText(json.getText());
            body.getChildren().set(1, plain);
            problem.setText("");
        } else {
            json.setText(plain.getText());
            body.getChildren().set(1, json);
        }
        VBox.setVgrow(body.getChildren().get(1), Priority.ALWAYS);
    }

    private String text() { return jsonMode.isSelected() ? json.getText() : plain.getText(); }

    /// Shows the dialog until the user enqueues or cancels; stops the editors' analysis afterwards.
    public Optional<EnqueueRequest> showAndWait() {
        try {
            return dialog.showAndWait();
        } finally {
            json.close();
            plain.close();
        }
    }
}
