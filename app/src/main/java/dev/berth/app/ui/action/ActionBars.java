package dev.berth.app.ui.action;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/// Builds menus, tool bar buttons and scene shortcuts from `Action`s. FX thread only.
public final class ActionBars {
    private ActionBars() {}

    public static MenuBar menuBar(List<ActionGroup> groups) {
        var bar = new MenuBar();
        for (var group : groups) {
            var menu = new Menu(group.title());
            for (var action : group.actions()) {
                menu.getItems().add(action == null ? new SeparatorMenuItem() : menuItem(action));
            }
            bar.getMenus().add(menu);
        }
        return bar;
    }

    private static MenuItem menuItem(Action action) {
        var item = new MenuItem(action.text(), new FontIcon(action.icon()));
        item.setId(action.id() + "MenuItem");
        if (action.shortcut() != null) item.setAccelerator(action.shortcut());
        item.disableProperty().bind(Bindings.not(action.enabled()));
        item.setOnAction(e -> action.fire());
        return item;
    }

    /// A tool bar button; `withText` shows the label next to the icon (for the main verbs: Run, Stop).
    public static Button button(Action action, boolean withText) {
        var button = new Button(withText ? action.text() : null, new FontIcon(action.icon()));
        button.setId(action.id());
        if (!withText) button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        var tip = new Tooltip(action.tooltipText());
        tip.setShowDelay(Duration.millis(300));
        button.setTooltip(tip);
        button.disableProperty().bind(Bindings.not(action.enabled()));
        button.setOnAction(e -> action.fire());
        button.setFocusTraversable(false);
        return button;
    }

    /// The outcome of a panel's last action under its tool bar: `message` in green, or red while `failed`;
    /// takes no room while there is none.
    public static javafx.scene.control.Label outcome(String id, javafx.beans.value.ObservableStringValue message,
                                                     javafx.beans.value.ObservableBooleanValue failed) {
        var label = new javafx.scene.control.Label();
        label.setId(id);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setWrapText(true);
        label.textProperty().bind(message);
        failed.addListener((o, was, now) -> {
            label.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            label.getStyleClass().add(now ? Styles.DANGER : Styles.SUCCESS);
        });
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }

    /// Shortcuts for a scene without a menu bar (the start page).
    public static void installShortcuts(Scene scene, List<Action> actions) {
        for (var action : actions) {
            if (action != null && action.shortcut() != null) scene.getAccelerators().put(action.shortcut(), action::fire);
        }
    }
}
