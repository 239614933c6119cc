package dev.berth.app.ui.main;

import dev.berth.app.ui.DialogService;
import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.editor.CodeEditor;
import dev.berth.editor.Language;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/// The editor tabs: one `CodeEditor` per open file, "●" in the title while it has unsaved changes, save
/// writes the file, closing a changed tab asks first. Files (UTF-8 text up to [TextFiles#MAX_BYTES]) are
/// read and written on the app's task executor; only "Save" chosen while the whole window closes writes
/// on the FX thread, because the window needs the outcome before it goes. FX thread only.
public final class EditorArea extends StackPane {
    private final TabPane tabs = new TabPane();
    private final Map<Path, Tab> open = new HashMap<>();
    /// Files being read for a tab, so a second double-click does not open a second tab.
    private final Set<Path> loading = new HashSet<>();
    private final DialogService dialogs;
    private final TaskExecutor tasks;
    private final Executor fx;
    private final BooleanBinding hasTab;
    private java.util.function.BiFunction<Path, CodeEditor, javafx.scene.Node> decorator = (file, editor) -> editor;

    /// `tasks` reads and writes files; `fx` is the app's FX executor, handed to each editor.
    public EditorArea(DialogService dialogs, TaskExecutor tasks, Executor fx) {
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.fx = fx;
        tabs.setId("editorTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        var placeholder = new Label("Double-click a file in the project tree to edit it.");
        placeholder.getStyleClass().add("editor-placeholder");
        placeholder.visibleProperty().bind(Bindings.isEmpty(tabs.getTabs()));
        hasTab = Bindings.isNotEmpty(tabs.getTabs());
        getChildren().addAll(tabs, placeholder);
    }

    /// Selects the file's tab, or reads the file in the background and opens a tab for it.
    public void open(Path file) {
        var existing = open.get(file);
        if (existing != null) {
            tabs.getSelectionModel().select(existing);
            return;
        }
        if (!loading.add(file)) return;
        tasks.run(() -> TextFiles.read(file), text -> {
            loading.remove(file);
            show(file, text);
        }, e -> {
            loading.remove(file);
            dialogs.showError("Cannot open " + file.getFileName(), e instanceof TextFiles.TooLargeException
                    ? e.getMessage()
                    : file + " cannot be read as UTF-8 text: " + e.getMessage()
                            + ". Berth edits text files only; open it in another program.");
        });
    }

    private void show(Path file, String text) {
        if (open.containsKey(file)) return;
        var editor = new CodeEditor(Language.forFileName(file.getFileName().toString()), fx);
        ProjectFileChecks.forFile(file).ifPresent(editor::setExtraValidator);
        editor.setText(text);
        var tab = new Tab();
        tab.setUserData(new OpenFile(file, editor));
        tab.textProperty().bind(Bindings.when(editor.dirtyProperty())
                .then(file.getFileName() + " ●").otherwise(file.getFileName().toString()));
        tab.setGraphic(new FontIcon(Feather.FILE_TEXT));
        tab.setTooltip(new Tooltip(file.toString()));
        tab.setContent(decorator.apply(file, editor));
        tab.setOnCloseRequest(e -> {
            e.consume(); // closed below, possibly after a save in the background
            closeAsking(tab);
        });
        open.put(file, tab);
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    /// Writes the selected tab's text to its file (in the background) and then clears its dirty mark.
    public void saveSelected() {
        var tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null) saveInBackground(tab, () -> { });
    }

    /// Closes the selected tab, asking first when it has unsaved changes.
    public void closeSelected() {
        var tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null) closeAsking(tab);
    }

    /// Asks about every unsaved file; false when the user cancels (the window then stays open).
    public boolean mayCloseAll() {
        for (var tab : tabs.getTabs()) {
            var file = (OpenFile) tab.getUserData();
            if (!file.editor().dirtyProperty().get()) continue;
            boolean mayClose = switch (dialogs.confirmDiscard(file.file().getFileName().toString())) {
                case SAVE -> saveNow(file);
                case DISCARD -> true;
                case CANCEL -> false;
            };
            if (!mayClose) return false;
        }
        return true;
    }

    /// Closes every tab without asking (that was `mayCloseAll`'s job) and stops their editors' analysis.
    public void closeAll() {
        for (var tab : List.copyOf(tabs.getTabs())) close(tab);
    }

    private void closeAsking(Tab tab) {
        var file = (OpenFile) tab.getUserData();
        if (!file.editor().dirtyProperty().get()) {
            close(tab);
            return;
        }
        switch (dialogs.confirmDiscard(file.file().getFileName().toString())) {
            case SAVE -> saveInBackground(tab, () -> close(tab));
            case DISCARD -> close(tab);
            case CANCEL -> { }
        }
    }

    private void close(Tab tab) {
        tabs.getTabs().remove(tab);
        var file = (OpenFile) tab.getUserData();
        open.remove(file.file());
        file.editor().close(); // stops its background analysis
    }

    /// Writes a snapshot of the text; `then` runs once it is on disk. Edits made meanwhile stay dirty.
    private void saveInBackground(Tab tab, Runnable then) {
        var file = (OpenFile) tab.getUserData();
        var text = file.editor().getText();
        tasks.run(() -> {
            TextFiles.write(file.file(), text);
            return text;
        }, saved -> {
            file.editor().markSaved(saved);
            then.run();
        }, e -> saveFailed(file, e));
    }

    private boolean saveNow(OpenFile file) {
        try {
            TextFiles.write(file.file(), file.editor().getText());
            file.editor().markSaved();
            return true;
        } catch (IOException e) {
            saveFailed(file, e);
            return false;
        }
    }

    private void saveFailed(OpenFile file, Exception e) {
        dialogs.showError("Cannot save " + file.file().getFileName(), file.file() + " cannot be written: "
                + e.getMessage() + ". Check that the folder is writable and the disk not full.");
    }

    /// What a tab shows around its editor (e.g. the cron preview under a function.json); the editor by default.
    public void setDecorator(java.util.function.BiFunction<Path, CodeEditor, javafx.scene.Node> decorator) {
        this.decorator = decorator;
    }

    /// Whether a tab is open (Save and Close tab are enabled then).
    public BooleanBinding hasTabProperty() { return hasTab; }

    private record OpenFile(Path file, CodeEditor editor) {}
}
