package dev.berth.app.ui;

import dev.berth.app.ui.fx.FxExecutor;
import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.app.ui.storage.EnqueueDialog;
import dev.berth.app.ui.storage.EnqueueRequest;
import dev.berth.app.ui.start.NewProjectDialog;
import dev.berth.app.ui.start.NewProjectViewModel;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/// The real dialogs: JavaFX alerts, the platform's directory chooser, the new-project wizard window, and
/// the system browser (through AWT's `Desktop`, off the FX thread).
/// FX thread only.
public final class FxDialogService implements DialogService {
    private final Window owner;
    private final TaskExecutor tasks;

    private final Executor fx;

    /// `fx` is the application's FX executor, for the code editors of dialogs (run now, enqueue).
    public FxDialogService(Window owner, TaskExecutor tasks, Executor fx) {
        this.owner = owner;
        this.tasks = tasks;
        this.fx = fx;
    }

    @Override public void showRunNow(dev.berth.app.ui.trigger.RunNowViewModel model) {
        new dev.berth.app.ui.trigger.RunNowDialog(model, owner, fx).showAndWait();
    }

    @Override public void openInBrowser(URI uri) {
        // AWT's Desktop may take a while to start a browser: never on the FX thread.
        tasks.run(() -> {
            if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                throw new IOException("this desktop offers Java no default browser");
            }
            Desktop.getDesktop().browse(uri);
            return uri;
        }, opened -> {}, failure -> showError("Cannot open a browser", "Opening " + uri + " failed: "
                + failure.getMessage() + ". Copy the address with the copy button and paste it into a browser."));
    }

    @Override public Optional<Path> chooseDirectory(String title, Path initial) {
        var chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (initial != null && Files.isDirectory(initial)) chooser.setInitialDirectory(initial.toFile());
        return Optional.ofNullable(chooser.showDialog(owner)).map(java.io.File::toPath);
    }

    @Override public void showError(String title, String message) {
        var alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        var text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(text);
        alert.showAndWait();
    }

    @Override public DirtyChoice confirmDiscard(String fileName) {
        var save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        var discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, "Your changes will be lost if you don't save them.",
                save, discard, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save changes to " + fileName + "?");
        var answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == save) return DirtyChoice.SAVE;
        if (answer == discard) return DirtyChoice.DISCARD;
        return DirtyChoice.CANCEL;
    }

    @Override public Optional<Path> showNewProject(NewProjectViewModel model) {
        return new NewProjectDialog(model, owner, start -> chooseDirectory("Where to create the project", start))
                .showAndWait();
    }

    @Override public Optional<EnqueueRequest> showEnqueue(String queue) {
        return new EnqueueDialog(owner, fx, queue).showAndWait();
    }

    @Override public Optional<dev.berth.app.ui.durable.StartOrchestrationRequest> showStartOrchestration(List<String> names) {
        return dev.berth.app.ui.durable.PayloadDialog.start(owner, fx, names);
    }

    @Override public Optional<dev.berth.app.ui.durable.RaiseEventRequest> showRaiseEvent(String instanceId) {
        return dev.berth.app.ui.durable.PayloadDialog.raise(owner, fx, instanceId);
    }

    @Override public List<Path> chooseFiles(String title) {
        var chooser = new FileChooser();
        chooser.setTitle(title);
        var files = chooser.showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(java.io.File::toPath).toList();
    }

    @Override public Optional<Path> chooseSaveFile(String title, String fileName) {
        var chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
    }

    @Override public boolean confirm(String title, String message, String action) {
        var yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        var alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().lookupButton(yes).setId("confirmButton");
        return alert.showAndWait().orElse(ButtonType.CANCEL) == yes;
    }

    @Override public Optional<String> askText(String title, String prompt, String initial) {
        var dialog = new TextInputDialog(initial);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setContentText(prompt);
        dialog.getEditor().setId("askTextField");
        return dialog.showAndWait().map(String::strip).filter(text -> !text.isEmpty());
    }
}
