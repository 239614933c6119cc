package dev.berth.app.ui.action;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;

/// A user command as data: menus, tool bars and shortcuts are generated from it, so they always agree.
/// `id` becomes the node id of its tool bar button (e.g. "runButton"); `shortcut` may be null. Immutable;
/// the `enabled` value is read on the FX thread.
public record Action(String id, String text, Ikon icon, KeyCombination shortcut, ObservableBooleanValue enabled,
                     Runnable handler) {
    public static Action of(String id, String text, Ikon icon, String shortcut, Runnable handler) {
        return new Action(id, text, icon, shortcut == null ? null : KeyCombination.valueOf(shortcut),
                new SimpleBooleanProperty(true), handler);
    }

    public Action enabledWhen(ObservableBooleanValue condition) {
        return new Action(id, text, icon, shortcut, condition, handler);
    }

    /// The text with its shortcut, e.g. "Run (F5)", for tool tips.
    public String tooltipText() {
        return shortcut == null ? text : text + " (" + shortcut.getDisplayText() + ")";
    }

    /// Runs the handler when enabled (shortcuts fire even where no button shows the state).
    public void fire() {
        if (enabled.get()) handler.run();
    }
}
