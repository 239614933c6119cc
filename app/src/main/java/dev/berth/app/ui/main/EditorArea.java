package dev.berth.app.ui.main;

import dev.berth.app.ui.DialogService;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/// The editor tabs: one `CodeEditor` per open file, "●" in the title while it has unsaved changes, save
/// writes the file, closing a changed tab asks first. Files are small text files, read and written on the
/// FX thread. FX thread only.
public final class EditorArea extends StackPane {
    private static final Logger LOG = LoggerFactory.getLogger(EditorArea.class);

    private final TabPane tabs = new TabPane();
    private final Map<Path, Tab> open = new HashMap<>();
    private final DialogService dialogs;
    private final BooleanBinding hasTab;

    public EditorArea(DialogService dialogs) {
        this.dialogs = dialogs;
        tabs.setId("editorTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        var placeholder = new Label("Double-click a file in the project tree to edit it.");
        placeholder.getStyleClass().add("editor-placeholder");
        placeholder.visibleProperty().bind(Bindings.isEmpty(tabs.getTabs()));
        hasTab = Bindings.isNotEmpty(tabs.getTabs());
        getChildren().addAll(tabs, placeholder);
    }

    public void open(Path file) {
        var existing = open.get(file);
        if (existing != null) {
            tabs.getSelectionModel().select(existing);
            return;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            dialogs.showError("Cannot open " + file.getFileName(), file + " cannot be read as UTF-8 text: "
                    + e.getMessage() + ". Berth edits text files only; open it in another program.");
            return;
        }
        var editor = new CodeEditor(Language.forFileName(file.getFileName().toString()));
        editor.setText(text);
        var tab = new Tab();
        tab.setUserData(new OpenFile(file, editor));
        tab.textProperty().bind(Bindings.when(editor.dirtyProperty())
                .then(file.getFileName() + " ●").otherwise(file.getFileName().toString()));
        tab.setGraphic(new FontIcon(Feather.FILE_TEXT));
        tab.setTooltip(new Tooltip(file.toString()));
        tab.setContent(editor);
        tab.setOnCloseRequest(e -> { if (!mayClose(tab)) e.consume(); });
        tab.setOnClosed(e -> forget(tab));
        open.put(file, tab);
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    /// Writes the selected tab's text to its file and clears its dirty mark.
    public void saveSelected() {
        var tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null) save(tab);
    }

    /// Closes the selected tab, asking first when it has unsaved changes.
    public void closeSelected() {
        var tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null && mayClose(tab)) {
            tabs.getTabs().remove(tab);
            forget(tab);
        }
    }

    /// Asks about every unsaved file; false when the user cancels (the window then stays open).
    public boolean mayCloseAll() {
        for (var tab : tabs.getTabs()) if (!mayClose(tab)) return false;
        return true;
    }

    private void forget(Tab tab) {
        var file = (OpenFile) tab.getUserData();
        open.remove(file.file());
        // The editor runs background analysis when it is AutoCloseable; stop it with its tab.
        if (file.editor() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Closing the editor of {} failed", file.file(), e);
            }
        }
    }

    private boolean mayClose(Tab tab) {
        var file = (OpenFile) tab.getUserData();
        if (!file.editor().dirtyProperty().get()) return true;
        return switch (dialogs.confirmDiscard(file.file().getFileName().toString())) {
            case SAVE -> save(tab);
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    private boolean save(Tab tab) {
        var file = (OpenFile) tab.getUserData();
        try {
            Files.writeString(file.file(), file.editor().getText(), StandardCharsets.UTF_8);
            file.editor().markSaved();
            return true;
        } catch (IOException e) {
            dialogs.showError("Cannot save " + file.file().getFileName(), file.file() + " cannot be written: "
                    + e.getMessage() + ". Check that the folder is writable and the disk not full.");
            return false;
        }
    }

    /// Whether a tab is open (Save and Close tab are enabled then).
    public BooleanBinding hasTabProperty() { return hasTab; }

    private record OpenFile(Path file, CodeEditor editor) {}
}
