package dev.berth.app.ui.main;

import dev.berth.app.ui.DialogService;
import dev.berth.app.ui.action.Action;
import dev.berth.app.ui.action.ActionBars;
import dev.berth.app.ui.action.AppActions;
import dev.berth.app.ui.durable.OrchestrationsTab;
import dev.berth.app.ui.durable.OrchestrationsViewModel;
import dev.berth.app.ui.fx.FxTicker;
import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.app.ui.revision.RevisionsTab;
import dev.berth.app.ui.revision.RevisionsViewModel;
import dev.berth.app.ui.jobs.JobsTab;
import dev.berth.app.ui.jobs.JobsViewModel;
import dev.berth.app.ui.run.RunState;
import dev.berth.app.ui.trigger.CronPreviewPanel;
import dev.berth.app.ui.trigger.HttpManualRun;
import dev.berth.app.ui.trigger.RunNowLauncher;
import dev.berth.app.ui.trigger.TriggerGraphViewModel;
import dev.berth.app.ui.trigger.TriggersTab;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.concurrent.Executor;

/// A project window's content: menu and tool bar, banners, the project tree and editor tabs, the run
/// panels and the status bar. Builds the project's actions; navigation actions come from the window.
/// FX thread only.
public final class MainView extends BorderPane {
    private final EditorArea editor;

    /// `newProject`, `openFolder`, `closeProject`, `toggleTheme` and `diagnostics` belong to the window, not the project.
    public MainView(MainViewModel model, DialogService dialogs, TaskExecutor tasks, Executor fx, Action newProject,
                    Action openFolder, Action closeProject, Action toggleTheme, Action diagnostics,
                    java.time.Clock clock) {
        setId("mainWindow");
        editor = new EditorArea(dialogs, tasks, fx);
        model.onDispose(editor::closeAll);
        var tree = new ProjectTree(model.projectDir(), editor::open);
        var run = model.run();
        var triggers = new TriggerGraphViewModel();
        triggers.load(model.projectDir(), tasks);
        run.appProperty().addListener((o, old, app) -> { if (app != null) triggers.setApp(app); });
        run.stateProperty().addListener((o, old, state) -> { if (state == RunState.STARTING) triggers.reset(); });
        run.addBatchListener(triggers::onEvents);
        var runNow = new RunNowLauncher(run, triggers, dialogs, tasks, new HttpManualRun());
        tree.setOnRunFunction(runNow::open, run.canStopProperty());
        editor.setDecorator((file, code) -> CronPreviewPanel.decorate(file, code, model.projectDir(), tasks, clock));
        var actions = new AppActions(newProject, openFolder,
                Action.of("saveButton", "Save", Feather.SAVE, "Shortcut+S", editor::saveSelected)
                        .enabledWhen(editor.hasTabProperty()),
                Action.of("closeTabButton", "Close tab", Feather.X_SQUARE, "Shortcut+W", editor::closeSelected)
                        .enabledWhen(editor.hasTabProperty()),
                Action.of("refreshTreeButton", "Refresh project tree", Feather.REFRESH_CW, "Shortcut+R", tree::refresh),
                closeProject,
                Action.of("runButton", "Run", Feather.PLAY, "F5", run::run).enabledWhen(run.canRunProperty()),
                Action.of("debugButton", "Debug", Feather.CROSSHAIR, "F9", run::debug).enabledWhen(run.canRunProperty()),
                Action.of("stopButton", "Stop", Feather.SQUARE, "Shift+F5", run::stop).enabledWhen(run.canStopProperty()),
                toggleTheme,
                Action.of("runNowButton", "Run now…", Feather.ZAP, "Shortcut+Shift+R", () -> runNow.open(null))
                        .enabledWhen(run.canStopProperty()),
                diagnostics);

        var top = new VBox(ActionBars.menuBar(actions.menus()), new RunToolbar(actions, run, dialogs),
                Banners.docker(model.docker()), Banners.runError(run));
        setTop(top);

        var side = new BorderPane(tree, sideHeader(model, actions.refreshTree()), null, null, null);
        var work = new SplitPane(side, editor);
        work.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(side, false);
        var panels = new RunPanels(run, model.storage(), clock);
        panels.getTabs().add(new TriggersTab(triggers, runNow::open, run.canStopProperty(), panels::filterByFunction));
        panels.getTabs().add(new OrchestrationsTab(new OrchestrationsViewModel(run, tasks, dialogs), clock));
        panels.getTabs().add(new RevisionsTab(new RevisionsViewModel(run, tasks, dialogs, new FxTicker())));
        panels.getTabs().add(new JobsTab(new JobsViewModel(run, tasks, fx), clock));
        var split = new SplitPane(work, panels);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setCenter(split);
        setBottom(new StatusBar(model));
    }

    private static HBox sideHeader(MainViewModel model, Action refresh) {
        var title = new Label(model.projectName().toUpperCase(java.util.Locale.ROOT));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refreshButton = ActionBars.button(refresh, false);
        refreshButton.setId("refreshTreeHeaderButton");
        var header = new HBox(title, spacer, refreshButton);
        header.getStyleClass().add("side-header");
        return header;
    }

    /// Asks about unsaved files; false when the user chose to stay.
    public boolean mayClose() { return editor.mayCloseAll(); }
}
