package dev.berth.app.ui.start;

import dev.berth.app.ProjectTemplates;
import dev.berth.app.ui.DialogService;
import dev.berth.app.ui.fx.TaskExecutor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/// The start page: recent projects (persisted), opening a folder, creating a project. Opening hands the
/// folder to `onOpen` (the window switches to the project). FX thread only.
public final class StartViewModel {
    private final RecentProjects recents;
    private final ProjectTemplates templates;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final Path defaultParent;
    private final Consumer<Path> onOpen;
    private final ObservableList<RecentProject> recent = FXCollections.observableArrayList();
    private final ObservableList<RecentProject> recentView = FXCollections.unmodifiableObservableList(recent);

    public StartViewModel(RecentProjects recents, ProjectTemplates templates, TaskExecutor tasks,
                          DialogService dialogs, Path defaultParent, Consumer<Path> onOpen) {
        this.recents = recents;
        this.templates = templates;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.defaultParent = defaultParent;
        this.onOpen = onOpen;
        show(recents.load());
    }

    /// A Berth project is an Azure Functions app: a folder with host.json at its root.
    public static boolean isProject(Path dir) { return Files.isRegularFile(dir.resolve("host.json")); }

    public void newProject() {
        dialogs.showNewProject(new NewProjectViewModel(templates, tasks, defaultParent)).ifPresent(this::open);
    }

    public void openFolder() {
        dialogs.chooseDirectory("Open a function project", defaultParent).ifPresent(this::openChecked);
    }

    public void openRecent(RecentProject project) {
        if (!Files.isDirectory(project.path())) {
            dialogs.showError("Project folder not found", project.path() + " no longer exists. "
                    + "Restore the folder, or remove it from the recent list with its × button.");
            show(recents.load());
            return;
        }
        openChecked(project.path());
    }

    private void openChecked(Path dir) {
        if (!isProject(dir)) {
            dialogs.showError("Not a function project", "There is no host.json in " + dir + ". "
                    + "Open the folder that holds host.json (the project root), or create a project with New project.");
            return;
        }
        open(dir);
    }

    private void open(Path dir) {
        show(recents.touch(dir));
        onOpen.accept(dir.toAbsolutePath().normalize());
    }

    public void remove(RecentProject project) { show(recents.remove(project.path())); }

    private void show(List<Path> paths) {
        recent.setAll(paths.stream().map(p -> new RecentProject(p, Files.isDirectory(p))).toList());
    }

    /// Recent projects, newest first.
    public ObservableList<RecentProject> recentProjects() { return recentView; }
}
