package dev.berth.app.ui.action;

import java.util.List;

/// Every command of a project window, named, so the menu bar, the tool bar and the start page use the
/// same `Action` objects. Immutable.
public record AppActions(Action newProject, Action openFolder, Action save, Action closeTab, Action refreshTree,
                         Action closeProject, Action run, Action debug, Action stop, Action toggleTheme,
                         Action runNow, Action diagnostics) {
    /// The menu bar, menu by menu.
    public List<ActionGroup> menus() {
        return List.of(
                new ActionGroup("File", java.util.Arrays.asList(newProject, openFolder, null, save, closeTab, null,
                        refreshTree, closeProject)),
                new ActionGroup("Run", java.util.Arrays.asList(run, debug, stop, null, runNow)),
                new ActionGroup("View", java.util.Arrays.asList(toggleTheme, null, diagnostics)));
    }
}
