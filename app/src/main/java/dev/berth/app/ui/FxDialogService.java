package dev.berth.app.ui;

import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.app.ui.start.NewProjectDialog;
import dev.berth.app.ui.start.NewProjectViewModel;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/// The real dialogs: JavaFX alerts, the platform's directory chooser, the new-project wizard window, and
/// the system browser (through AWT's `Desktop`, off the FX thread).
/// FX thread only.
public final class FxDialogService implements DialogService {
    private final Window owner;
    private final TaskExecutor tasks;
    private final java.util.concurrent.Executor fx;

    /// `fx` is the app's FX executor (the run-now dialog's JSON editor hands its analysis back through it).
    public FxDialogService(Window owner, TaskExecutor tasks, java.util.concurrent.Executor fx) {
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
}
