package dev.berth.app.ui.trigger;

import dev.berth.visualizer.GraphNode;
import dev.berth.visualizer.TriggerGraph;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;

/// The "Triggers" tab of the run panels: the live trigger graph. A function node's context menu offers
/// "Run now" (while the project runs); selecting a function hands its name to `onFilter` (null when the
/// selection clears), which filters the invocation and log panels. FX thread only.
public final class TriggersTab extends Tab {
    public TriggersTab(TriggerGraphViewModel model, Consumer<String> runNow, ObservableBooleanValue canRunNow,
                       Consumer<String> onFilter) {
        super("Triggers");
        setId("triggersTab");
        setGraphic(new FontIcon(Feather.SHARE_2));
        var graph = new TriggerGraph(model.model());
        graph.setId("triggerGraph");
        model.attach(graph::pulse);
        graph.setContextMenuFactory(node -> node.kind() == GraphNode.Kind.FUNCTION
                ? menu(node.label(), runNow, canRunNow) : null);
        model.selectedFunctionProperty().addListener((o, old, function) -> onFilter.accept(function));
        setContent(graph);
    }

    private static ContextMenu menu(String function, Consumer<String> runNow, ObservableBooleanValue canRunNow) {
        var item = new MenuItem("Run now…", new FontIcon(Feather.ZAP));
        item.setId("graphRunNowMenuItem");
        item.disableProperty().bind(Bindings.not(canRunNow));
        item.setOnAction(e -> runNow.accept(function));
        return new ContextMenu(item);
    }
}
