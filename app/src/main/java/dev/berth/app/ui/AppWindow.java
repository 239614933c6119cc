package dev.berth.app.ui;

import dev.berth.app.Composition;
import dev.berth.app.ui.action.Action;
import dev.berth.app.ui.action.ActionBars;
import dev.berth.app.ui.diagnostics.DiagnosticsViewModel;
import dev.berth.app.ui.diagnostics.DiagnosticsWindow;
import dev.berth.app.ui.fx.FxTicker;
import dev.berth.app.ui.main.MainView;
import dev.berth.app.ui.main.MainViewModel;
import dev.berth.app.ui.run.DockerStatusViewModel;
import dev.berth.app.ui.run.RunViewModel;
import dev.berth.app.ui.start.RecentProjects;
import dev.berth.app.ui.start.StartView;
import dev.berth.app.ui.start.StartViewModel;
import dev.berth.app.ui.storage.StorageViewModel;
import dev.berth.app.ui.theme.ThemeViewModel;
import dev.berth.app.ui.theme.Themes;
import dev.berth.runner.doctor.Doctor;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;

import java.nio.file.Path;
import java.util.List;

/// Berth's one main window: the start page, or one open project. Owns the view models of what it shows
/// and disposes them when it switches or closes. FX thread only.
public final class AppWindow {
    static final double WIDTH = 1400;
    static final double HEIGHT = 900;

    private final Stage stage;
    private final Composition composition;
    private final UiServices services;
    private final DialogService dialogs;
    private final ThemeViewModel theme;
    private final StartViewModel start;
    private final Action newProject;
    private final Action openFolder;
    private final Action toggleTheme;
    private final Action showDiagnostics;
    private DiagnosticsViewModel diagnostics;
    private DiagnosticsWindow diagnosticsWindow;
    private MainViewModel project;
    private MainView projectView;

    public AppWindow(Stage stage, Composition composition, UiServices services, DialogService dialogs) {
        this.stage = stage;
        this.composition = composition;
        this.services = services;
        this.dialogs = dialogs;
        theme = new ThemeViewModel(composition.userDir());
        Themes.follow(theme);
        start = new StartViewModel(new RecentProjects(composition.userDir()), composition.templates(),
                services.tasks(), dialogs, Path.of(System.getProperty("user.home"), "BerthProjects"), this::openProject);
        newProject = Action.of("newProjectButton", "New project…", Feather.FILE_PLUS, "Shortcut+N", start::newProject);
        openFolder = Action.of("openFolderButton", "Open folder…", Feather.FOLDER, "Shortcut+O", start::openFolder);
        toggleTheme = Action.of("themeButton", "Toggle dark theme", Feather.MOON, "Shortcut+Shift+L", theme::toggle);
        showDiagnostics = Action.of("diagnosticsButton", "Diagnostics…", Feather.ACTIVITY, null, this::showDiagnostics);
        stage.setOnCloseRequest(e -> { if (projectView != null && !projectView.mayClose()) e.consume(); });
        stage.setOnHidden(e -> disposeProject());
    }

    public void showStart() {
        disposeProject();
        var scene = show(new StartView(start, newProject, openFolder, toggleTheme, showDiagnostics), "Berth");
        ActionBars.installShortcuts(scene, List.of(newProject, openFolder, toggleTheme));
    }

    public void openProject(Path dir) {
        if (projectView != null && !projectView.mayClose()) return;
        disposeProject();
        var docker = new DockerStatusViewModel(composition.engine(), services.tasks());
        var run = new RunViewModel(composition.runner(), dir, services.ingressPort(), services.tasks(),
                services.events(), docker.availableProperty());
        var storage = new StorageViewModel(dir, composition.clock(), services.tasks(), dialogs, new FxTicker(), run);
        project = new MainViewModel(dir, docker, run, storage);
        var closeProject = Action.of("closeProjectButton", "Close project", Feather.LOG_OUT, null, this::closeProject);
        projectView = new MainView(project, dialogs, services.tasks(), services.fx(), newProject, openFolder, closeProject,
                toggleTheme, showDiagnostics, composition.clock());
        show(projectView, project.windowTitle());
    }

    /// The checks look at the open project's folder (its disk and running session), else the home folder.
    private void showDiagnostics() {
        var folder = project != null ? project.projectDir() : Path.of(System.getProperty("user.home"));
        if (diagnostics == null) {
            diagnostics = new DiagnosticsViewModel(dir -> Doctor.standard(composition.engine(), dir).run(),
                    services.tasks(), folder);
            diagnosticsWindow = new DiagnosticsWindow(diagnostics);
        }
        diagnostics.setFolder(folder);
        diagnosticsWindow.show(stage);
    }

    private void closeProject() {
        if (projectView != null && !projectView.mayClose()) return;
        showStart();
    }

    private Scene show(Parent root, String title) {
        double width = stage.getScene() == null ? WIDTH : stage.getScene().getWidth();
        double height = stage.getScene() == null ? HEIGHT : stage.getScene().getHeight();
        var scene = Themes.style(new Scene(root, width, height));
        stage.setScene(scene);
        stage.setTitle(title);
        if (!stage.isShowing()) stage.show();
        return scene;
    }

    private void disposeProject() {
        if (project != null) project.dispose();
        project = null;
        projectView = null;
    }
}
