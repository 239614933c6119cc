package dev.berth.app.ui.trigger;

import atlantafx.base.theme.Styles;
import dev.berth.editor.CodeEditor;
import dev.berth.editor.Language;
import dev.berth.runner.project.FunctionDef;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Objects;
import java.util.concurrent.Executor;

/// The "Run now" window: function picker, JSON input editor, Run, and the answer (status, logs, body).
/// Shown modally by the dialog service; the run itself happens in the view model. FX thread only.
public final class RunNowDialog {
    private final Stage stage = new Stage();
    private final CodeEditor editor;

    public RunNowDialog(RunNowViewModel model, Window owner, Executor fx) {
        editor = new CodeEditor(Language.JSON, fx);
        editor.setId("runNowInput");
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Run now");
        var root = new VBox(10, picker(model), new Label("Input (JSON; for HTTP functions method, path, query, body)"),
                body(model), buttons(model));
        root.setPadding(new Insets(14));
        root.setId("runNowDialog");
        VBox.setVgrow(root.getChildren().get(2), Priority.ALWAYS);
        var scene = new Scene(root, 760, 620);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(e -> editor.close());
        bindInput(model);
    }

    public void showAndWait() { stage.showAndWait(); }

    private HBox picker(RunNowViewModel model) {
        var functions = new ComboBox<FunctionDef>();
        functions.setId("runNowFunction");
        functions.getItems().setAll(model.functions());
        functions.setCellFactory(v -> new FunctionCell());
        functions.setButtonCell(new FunctionCell());
        functions.valueProperty().bindBidirectional(model.functionProperty());
        functions.setPrefWidth(280);
        var box = new HBox(8, new Label("Function"), functions);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private SplitPane body(RunNowViewModel model) {
        var status = new Label();
        status.setId("runNowStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        // The view model sets `failed` before `status`, so the colour is right when the text changes.
        model.statusProperty().addListener((o, was, text) -> {
            status.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            if (!model.runningProperty().get()) status.getStyleClass().add(model.failedProperty().get() ? Styles.DANGER : Styles.SUCCESS);
        });
        var logs = readOnly("runNowLogs", model.logsProperty());
        var answer = readOnly("runNowBody", model.bodyProperty());
        var result = new VBox(6, status, new Label("Logs"), logs, new Label("Body"), answer);
        VBox.setVgrow(logs, Priority.ALWAYS);
        VBox.setVgrow(answer, Priority.ALWAYS);
        var split = new SplitPane(editor, result);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        return split;
    }

    private static TextArea readOnly(String id, javafx.beans.value.ObservableValue<String> text) {
        var area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(4);
        area.getStyleClass().add("mono");
        area.textProperty().bind(text);
        return area;
    }

    private HBox buttons(RunNowViewModel model) {
        var run = new Button("Run", new FontIcon(Feather.PLAY));
        run.setId("runNowRunButton");
        run.setDefaultButton(true);
        run.disableProperty().bind(Bindings.not(model.canRunProperty()));
        run.setOnAction(e -> model.run());
        var close = new Button("Close");
        close.setId("runNowCloseButton");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new HBox(8, spacer, close, run);
    }

    /// The editor and the model's input follow each other (a new function brings a new example).
    private void bindInput(RunNowViewModel model) {
        editor.setText(model.inputProperty().get());
        model.inputProperty().addListener((o, old, now) -> {
            if (!Objects.equals(now, editor.getText())) editor.setText(now);
        });
        editor.textProperty().addListener((o, old, now) -> model.inputProperty().set(now));
    }

    private static final class FunctionCell extends ListCell<FunctionDef> {
        @Override protected void updateItem(FunctionDef item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null
                    : item.name() + "   (" + item.trigger().map(b -> b.type()).orElse("no trigger") + ")");
        }
    }
}
