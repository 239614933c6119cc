package dev.berth.app.ui.durable;

import dev.berth.editor.CodeEditor;
import dev.berth.editor.Language;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/// The "Start orchestration" and "Raise event" dialogs: a name (the project's orchestrations to choose from,
/// or typed when it declares none), for a start an optional instance id, and a JSON editor for the input or
/// payload. What is wrong with the JSON shows under the editor as it is typed, and the OK button stays
/// disabled until it is fixed or cleared (empty sends no payload). FX thread only.
public final class PayloadDialog {
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ComboBox<String> name = new ComboBox<>();
    private final TextField instanceId = new TextField();
    private final CodeEditor editor;
    private final Label problem = new Label();
    private final ButtonType ok;

    private PayloadDialog(Window owner, Executor fx, String title, String header, String action, String what) {
        editor = new CodeEditor(Language.JSON, fx);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setResizable(true);
        dialog.getDialogPane().getStylesheets().add(OrchestrationsTab.STYLESHEET);
        name.setId("payloadName");
        name.setMaxWidth(Double.MAX_VALUE);
        instanceId.setId("payloadInstanceId");
        editor.setId("payloadEditor");
        editor.setPrefSize(600, 260);
        problem.setId("payloadProblem");
        problem.getStyleClass().add("payload-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(600);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the whole message, never cut to "…"
        editor.textProperty().addListener((o, was, text) -> problem.setText(JsonInput.problem(what, text).orElse("")));
        ok = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        var button = dialog.getDialogPane().lookupButton(ok);
        button.setId("payloadConfirmButton");
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> !problem.getText().isEmpty()
                || name.getEditor().getText().isBlank() && name.getValue() == null, problem.textProperty(),
                name.valueProperty(), name.getEditor().textProperty()));
    }

    /// Asks which orchestration to start, under which id and with which input.
    public static Optional<StartOrchestrationRequest> start(Window owner, Executor fx, List<String> names) {
        var shown = new PayloadDialog(owner, fx, "Start orchestration", "Start a new orchestration instance", "Start",
                "The input");
        shown.name.getItems().setAll(names);
        shown.name.setEditable(names.isEmpty());
        shown.name.setPromptText(names.isEmpty() ? "orchestration name, e.g. HelloCities" : "");
        if (!names.isEmpty()) shown.name.setValue(names.getFirst());
        shown.instanceId.setPromptText("leave empty for a new id");
        shown.layout(List.of(row("Orchestration", shown.name), row("Instance id", shown.instanceId)),
                "Input (JSON; empty for none)");
        return shown.show().map(editor -> new StartOrchestrationRequest(shown.chosenName(),
                shown.instanceId.getText().strip(), editor));
    }

    /// Asks for the name and payload of an event to raise on `instance`.
    public static Optional<RaiseEventRequest> raise(Window owner, Executor fx, String instance) {
        var shown = new PayloadDialog(owner, fx, "Raise event", "Raise an event on " + instance, "Raise", "The payload");
        shown.name.setEditable(true);
        shown.name.setPromptText("event name, e.g. ApprovalEvent");
        shown.layout(List.<Node[]>of(row("Event", shown.name)), "Payload (JSON; empty for none)");
        return shown.show().map(editor -> new RaiseEventRequest(shown.chosenName(), editor));
    }

    private void layout(List<Node[]> rows, String payloadLabel) {
        var grid = new GridPane(10, 8);
        for (int i = 0; i < rows.size(); i++) grid.addRow(i, rows.get(i));
        GridPane.setHgrow(name, Priority.ALWAYS);
        GridPane.setHgrow(instanceId, Priority.ALWAYS);
        var body = new VBox(8, grid, new Label(payloadLabel), editor, problem);
        body.setAlignment(Pos.TOP_LEFT);
        VBox.setVgrow(editor, Priority.ALWAYS);
        body.setPrefWidth(640);
        dialog.getDialogPane().setContent(body);
    }

    private static Node[] row(String label, Node field) {
        return new Node[] {new Label(label), field};
    }

    private String chosenName() {
        var typed = name.isEditable() ? name.getEditor().getText() : null;
        return typed != null && !typed.isBlank() ? typed.strip() : name.getValue();
    }

    /// The editor's text when the user confirmed; stops the editor's analysis either way.
    private Optional<String> show() {
        try {
            return dialog.showAndWait().filter(ok::equals).map(button -> editor.getText());
        } finally {
            editor.close();
        }
    }
}
