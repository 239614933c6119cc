package dev.berth.app.ui.action;

import java.util.List;

/// A top-level menu: its title and its actions in order; a null entry is a separator. Immutable.
public record ActionGroup(String title, List<Action> actions) {}
