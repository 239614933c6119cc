package dev.berth.app.ui.trigger;

import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.InvocationStarted;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.ProjectLoader;
import dev.berth.visualizer.GraphNode;
import dev.berth.visualizer.TriggerGraphModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The live trigger graph of one project: built from its `FunctionApp` (read from disk when the project
/// opens, then taken from each run), counting invocations from runner events and asking the view to pulse
/// along the edges they travel. The selected function filters the invocation and log panels. FX thread only.
public final class TriggerGraphViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerGraphViewModel.class);
    /// Started invocations remembered until they finish (a lost finish must not grow the map forever).
    private static final int MAX_IN_FLIGHT = 10_000;

    /// Animates a dot along an edge (the view's `TriggerGraph::pulse`).
    @FunctionalInterface
    public interface Pulses {
        void pulse(String from, String to, boolean failed);
    }

    private final TriggerGraphModel model = new TriggerGraphModel();
    private final TriggerGraphMapper mapper = new TriggerGraphMapper();
    private final ReadOnlyObjectWrapper<FunctionApp> app = new ReadOnlyObjectWrapper<>(this, "app");
    private final ReadOnlyStringWrapper selectedFunction = new ReadOnlyStringWrapper(this, "selectedFunction");
    private final Map<String, String> triggerOf = new LinkedHashMap<>();
    private TriggerGraphMapper.Graph graph = TriggerGraphMapper.Graph.EMPTY;
    private Pulses pulses = (from, to, failed) -> { };

    public TriggerGraphViewModel() {
        model.selectedProperty().addListener((obs, old, id) -> selectedFunction.set(model.node(id)
                .filter(n -> n.kind() == GraphNode.Kind.FUNCTION).map(GraphNode::label).orElse(null)));
    }

    /// Reads the project off the FX thread so the graph shows before the first run; a project that does
    /// not load yet (a run will say why) leaves the graph as it is.
    public void load(Path projectDir, TaskExecutor tasks) {
        tasks.run(() -> new ProjectLoader().load(projectDir), this::setApp,
                e -> LOG.debug("trigger graph: {} does not load yet: {}", projectDir, e.getMessage()));
    }

    public void setApp(FunctionApp loaded) {
        app.set(loaded);
        graph = mapper.map(loaded);
        model.setGraph(graph.nodes(), graph.edges());
    }

    /// Where pulses go (the view attaches itself).
    public void attach(Pulses view) { this.pulses = view; }

    /// A new run starts: counts start from zero.
    public void reset() {
        triggerOf.clear();
        model.resetStats();
    }

    /// One batch of runner events, in order.
    public void onEvents(List<RunnerEvent> batch) {
        for (var event : batch) {
            switch (event) {
                case InvocationStarted s -> started(s);
                case InvocationFinished f -> finished(f);
                default -> { }
            }
        }
    }

    private void started(InvocationStarted event) {
        if (triggerOf.size() >= MAX_IN_FLIGHT) triggerOf.remove(triggerOf.keySet().iterator().next());
        triggerOf.put(event.invocationId(), event.trigger());
        var source = graph.sourceOf().get(event.function());
        if (source != null && !"manual".equals(event.trigger())) {
            pulses.pulse(source, TriggerGraphMapper.functionId(event.function()), false);
        }
    }

    private void finished(InvocationFinished event) {
        var trigger = triggerOf.remove(event.invocationId());
        boolean failed = !event.succeeded();
        var fn = TriggerGraphMapper.functionId(event.function());
        model.record(fn, failed);
        var source = graph.sourceOf().get(event.function());
        if (source != null && !"manual".equals(trigger)) model.record(source, failed);
        for (var out : graph.outputsOf().getOrDefault(event.function(), List.of())) {
            boolean response = out.startsWith("http-out:");
            if (failed && !response) continue; // a failed invocation writes no outputs
            model.record(out, failed);
            pulses.pulse(fn, out, failed);
        }
    }

    public TriggerGraphModel model() { return model; }

    /// The project as last loaded or run, or null.
    public ReadOnlyObjectProperty<FunctionApp> appProperty() { return app.getReadOnlyProperty(); }

    /// The name of the function node the user selected, or null (nothing, or a source or output).
    public ReadOnlyStringProperty selectedFunctionProperty() { return selectedFunction.getReadOnlyProperty(); }
}
