package dev.berth.app.ui.main;

import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.MouseButton;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/// The project folder as a tree (folders first, children read when a folder is expanded). Berth's state,
/// build output and Git data are hidden. Double-click on a file opens it. FX thread only.
public final class ProjectTree extends TreeView<Path> {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectTree.class);
    static final Set<String> HIDDEN = Set.of(".berth", "target", ".git", ".idea", "__pycache__");

    private final Path root;
    private Consumer<String> runFunction;
    private javafx.beans.value.ObservableBooleanValue canRunFunction;

    public ProjectTree(Path root, Consumer<Path> onOpen) {
        this.root = root;
        setId("projectTree");
        getStyleClass().add("project-tree");
        setShowRoot(true);
        setCellFactory(view -> new PathCell());
        setOnMouseClicked(e -> {
            var selected = getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected != null
                    && Files.isRegularFile(selected.getValue())) {
                onOpen.accept(selected.getValue());
            }
        });
        refresh();
    }

    /// Function folders (those with a function.json) get a "Run now" context menu calling `action` with
    /// the function's name, enabled while `enabled` holds.
    public void setOnRunFunction(Consumer<String> action, javafx.beans.value.ObservableBooleanValue enabled) {
        runFunction = action;
        canRunFunction = enabled;
        refresh();
    }

    /// Reads the folder again (after files were added outside Berth).
    public void refresh() {
        var item = new FolderItem(root);
        item.setExpanded(true);
        setRoot(item);
    }

    /// The visible files and folders of `dir`, folders first, then by name.
    static List<Path> children(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !HIDDEN.contains(p.getFileName().toString()))
                    .sorted(Comparator.comparing((Path p) -> !Files.isDirectory(p))
                            .thenComparing(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT)))
                    .toList();
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", dir, e.getMessage());
            return List.of();
        }
    }

    /// A folder whose children are read on first expansion.
    private static final class FolderItem extends TreeItem<Path> {
        private boolean loaded;

        FolderItem(Path dir) {
            super(dir);
            expandedProperty().addListener((o, was, now) -> { if (now) load(); });
        }

        @Override public boolean isLeaf() { return false; }

        private void load() {
            if (loaded) return;
            loaded = true;
            getChildren().setAll(children(getValue()).stream()
                    .map(p -> Files.isDirectory(p) ? new FolderItem(p) : new TreeItem<>(p)).toList());
        }
    }

    private final class PathCell extends TreeCell<Path> {
        @Override protected void updateItem(Path item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(item.getFileName() == null ? item.toString() : item.getFileName().toString());
            setGraphic(new FontIcon(Files.isDirectory(item) ? Feather.FOLDER : Feather.FILE_TEXT));
            setContextMenu(runFunction != null && Files.isRegularFile(item.resolve("function.json"))
                    ? runMenu(item.getFileName().toString()) : null);
        }

        private javafx.scene.control.ContextMenu runMenu(String function) {
            var run = new javafx.scene.control.MenuItem("Run now…", new FontIcon(Feather.ZAP));
            run.setId("treeRunNowMenuItem");
            run.disableProperty().bind(javafx.beans.binding.Bindings.not(canRunFunction));
            run.setOnAction(e -> runFunction.accept(function));
            return new javafx.scene.control.ContextMenu(run);
        }
    }
}
