package dev.berth.visualizer;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// What a `TriggerGraph` shows: nodes in three columns (sources → functions → outputs), edges, per-node
/// invocation counts and errors, the selected node, and the pulses running along edges. A node's column
/// follows from the graph: functions in the middle, nodes that feed a function on the left, the rest on
/// the right. Pulses are capped at `maxPulses` at once, so a burst of thousands of invocations costs no
/// more than a handful of moving dots. FX thread only; imports nothing from `javafx.scene`, so it is tested
/// without a toolkit. `version` changes whenever the nodes, edges or counts change (views redraw on it).
public final class TriggerGraphModel {
    /// Dots on screen at most; more pulses at once are dropped (the counts still show every invocation).
    public static final int DEFAULT_MAX_PULSES = 24;
    /// How long a dot takes along its edge.
    public static final long PULSE_NANOS = 700_000_000L;

    /// The three columns, left to right.
    public enum Column { SOURCES, FUNCTIONS, OUTPUTS }

    /// Invocations counted at a node and how many of them failed. Immutable.
    public record Stats(long count, long errors) {
        public static final Stats NONE = new Stats(0, 0);

        /// Failed share, 0..1 (0 when nothing ran).
        public double errorRate() {
            return count == 0 ? 0 : (double) errors / count;
        }
    }

    /// A dot on its way along an edge: `progress` 0..1. Immutable.
    public record Pulse(GraphEdge edge, boolean failed, double progress) {}

    private record Running(GraphEdge edge, boolean failed, long startNanos) {}

    private final int maxPulses;
    private final Map<String, GraphNode> nodes = new LinkedHashMap<>();
    private final Set<GraphEdge> edges = new LinkedHashSet<>();
    private final Map<String, Stats> stats = new HashMap<>();
    private final List<Running> running = new ArrayList<>();
    private final ReadOnlyObjectWrapper<String> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version");

    public TriggerGraphModel() {
        this(DEFAULT_MAX_PULSES);
    }

    public TriggerGraphModel(int maxPulses) {
        if (maxPulses <= 0) {
            throw new IllegalArgumentException("maxPulses must be positive, was " + maxPulses);
        }
        this.maxPulses = maxPulses;
    }

    /// Replaces the graph. Counts of nodes that stay are kept; edges between unknown nodes are ignored;
    /// a selection whose node is gone is cleared.
    public void setGraph(List<GraphNode> newNodes, List<GraphEdge> newEdges) {
        nodes.clear();
        newNodes.forEach(n -> nodes.put(n.id(), n));
        edges.clear();
        newEdges.stream().filter(e -> nodes.containsKey(e.from()) && nodes.containsKey(e.to())).forEach(edges::add);
        stats.keySet().retainAll(nodes.keySet());
        running.removeIf(r -> !edges.contains(r.edge()));
        if (selected.get() != null && !nodes.containsKey(selected.get())) {
            selected.set(null);
        }
        changed();
    }

    public List<GraphNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public List<GraphEdge> edges() {
        return List.copyOf(edges);
    }

    public Optional<GraphNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /// The nodes of one column, in the order they were given.
    public List<GraphNode> column(Column column) {
        return nodes.values().stream().filter(n -> columnOf(n) == column).toList();
    }

    public Column columnOf(GraphNode node) {
        if (node.kind() == GraphNode.Kind.FUNCTION) {
            return Column.FUNCTIONS;
        }
        boolean feedsFunction = edges.stream().anyMatch(e -> e.from().equals(node.id())
                && nodes.get(e.to()).kind() == GraphNode.Kind.FUNCTION);
        return feedsFunction ? Column.SOURCES : Column.OUTPUTS;
    }

    /// Counts one invocation at `nodeId` (unknown ids are ignored: the graph may be older than the run).
    public void record(String nodeId, boolean failed) {
        if (!nodes.containsKey(nodeId)) {
            return;
        }
        Stats old = stats.getOrDefault(nodeId, Stats.NONE);
        stats.put(nodeId, new Stats(old.count() + 1, old.errors() + (failed ? 1 : 0)));
        changed();
    }

    public Stats stats(String nodeId) {
        return stats.getOrDefault(nodeId, Stats.NONE);
    }

    /// Zeroes every count (a new run starts).
    public void resetStats() {
        stats.clear();
        running.clear();
        changed();
    }

    /// Starts a dot along the edge `from` → `to` at `nowNanos`; false when there is no such edge or
    /// `maxPulses` dots are already moving.
    public boolean startPulse(String from, String to, boolean failed, long nowNanos) {
        GraphEdge edge = new GraphEdge(from, to);
        if (!edges.contains(edge) || running.size() >= maxPulses) {
            return false;
        }
        running.add(new Running(edge, failed, nowNanos));
        return true;
    }

    /// The dots still moving at `nowNanos`; finished ones are dropped.
    public List<Pulse> pulses(long nowNanos) {
        List<Pulse> out = new ArrayList<>(running.size());
        for (Iterator<Running> it = running.iterator(); it.hasNext(); ) {
            Running r = it.next();
            double progress = (double) (nowNanos - r.startNanos()) / PULSE_NANOS;
            if (progress >= 1) {
                it.remove();
            } else {
                out.add(new Pulse(r.edge(), r.failed(), Math.max(0, progress)));
            }
        }
        return out;
    }

    public boolean hasPulses() {
        return !running.isEmpty();
    }

    /// Selects a node by id; null (or an unknown id) clears the selection.
    public void select(String nodeId) {
        selected.set(nodeId != null && nodes.containsKey(nodeId) ? nodeId : null);
    }

    /// The selected node's id, or null.
    public ReadOnlyObjectProperty<String> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /// Bumped on every change of nodes, edges or counts.
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    private void changed() {
        version.set(version.get() + 1);
    }
}
