package dev.berth.app.ui.trigger;

import dev.berth.runner.project.Binding;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.FunctionDef;
import dev.berth.visualizer.GraphEdge;
import dev.berth.visualizer.GraphNode;
import dev.berth.visualizer.GraphNode.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/// Turns a `FunctionApp` into the trigger graph: one source per trigger (an HTTP route, a timer schedule, a
/// queue, a blob container, Event Grid), the functions, and one output per out binding (queue, blob
/// container, Event Grid topic, HTTP response). Functions that read the same queue or container share its
/// source node. Stateless and thread-safe.
public final class TriggerGraphMapper {
    /// The graph, and per function the ids of its source and outputs (for pulses).
    public record Graph(List<GraphNode> nodes, List<GraphEdge> edges, Map<String, String> sourceOf,
                        Map<String, List<String>> outputsOf) {
        public static final Graph EMPTY = new Graph(List.of(), List.of(), Map.of(), Map.of());

        public Graph {
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
            sourceOf = Map.copyOf(sourceOf);
            outputsOf = Map.copyOf(outputsOf);
        }
    }

    public static String functionId(String function) {
        return "fn:" + function;
    }

    public Graph map(FunctionApp app) {
        var nodes = new LinkedHashMap<String, GraphNode>();
        var edges = new ArrayList<GraphEdge>();
        var sourceOf = new LinkedHashMap<String, String>();
        var outputsOf = new LinkedHashMap<String, List<String>>();
        var prefix = app.host().routePrefix();
        for (var function : app.functions()) {
            var fn = new GraphNode(functionId(function.name()), Kind.FUNCTION, function.name());
            source(function, prefix).ifPresent(src -> {
                nodes.putIfAbsent(src.id(), src);
                edges.add(new GraphEdge(src.id(), fn.id()));
                sourceOf.put(function.name(), src.id());
            });
            nodes.put(fn.id(), fn);
            var outs = new ArrayList<String>();
            for (var binding : function.bindings()) {
                if (!"out".equalsIgnoreCase(binding.direction())) continue;
                var out = output(function, binding);
                nodes.putIfAbsent(out.id(), out);
                edges.add(new GraphEdge(fn.id(), out.id()));
                outs.add(out.id());
            }
            outputsOf.put(function.name(), outs);
        }
        return new Graph(List.copyOf(nodes.values()), edges, sourceOf, outputsOf);
    }

    static Optional<GraphNode> source(FunctionDef function, String routePrefix) {
        var trigger = function.trigger().orElse(null);
        if (trigger == null) return Optional.empty();
        return Optional.of(switch (trigger.type()) {
            case "httpTrigger" -> new GraphNode("http:" + function.name(), Kind.HTTP, httpLabel(function, routePrefix));
            case "timerTrigger" -> new GraphNode("timer:" + function.name(), Kind.TIMER,
                    text(trigger, "schedule", "(no schedule)"));
            case "queueTrigger" -> {
                var queue = text(trigger, "queueName", "(no queueName)");
                yield new GraphNode("queue-in:" + queue, Kind.QUEUE, queue);
            }
            case "blobTrigger" -> {
                var container = container(text(trigger, "path", "(no path)"));
                yield new GraphNode("blob-in:" + container, Kind.BLOB, container);
            }
            case "eventGridTrigger" -> new GraphNode("eventgrid", Kind.EVENT_GRID, "Event Grid");
            default -> new GraphNode("trigger:" + function.name(), Kind.OTHER, trigger.type());
        });
    }

    private static String httpLabel(FunctionDef function, String routePrefix) {
        var trigger = function.httpTrigger();
        var route = trigger.map(t -> t.route()).orElse(function.name());
        var methods = trigger.map(t -> t.methods().isEmpty() ? "ANY" : String.join(",", new TreeSet<>(t.methods())))
                .orElse("ANY");
        return methods + " /" + (routePrefix.isEmpty() ? "" : routePrefix + "/") + route;
    }

    private static GraphNode output(FunctionDef function, Binding binding) {
        return switch (binding.type().toLowerCase(Locale.ROOT)) {
            case "queue" -> {
                var queue = text(binding, "queueName", "(no queueName)");
                yield new GraphNode("queue-out:" + queue, Kind.QUEUE, queue);
            }
            case "blob" -> {
                var container = container(text(binding, "path", "(no path)"));
                yield new GraphNode("blob-out:" + container, Kind.BLOB, container);
            }
            case "eventgrid" -> {
                var topic = text(binding, "topicEndpointUri", "topic");
                yield new GraphNode("topic-out:" + topic, Kind.EVENT_GRID, topic);
            }
            case "http" -> new GraphNode("http-out:" + function.name(), Kind.HTTP_RESPONSE, "HTTP response");
            default -> new GraphNode("out:" + binding.type() + ":" + binding.name(), Kind.OTHER,
                    binding.type() + " " + binding.name());
        };
    }

    /// `images/{name}` → `images`.
    static String container(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    private static String text(Binding binding, String property, String fallback) {
        var value = binding.properties().get(property);
        return value == null || String.valueOf(value).isBlank() ? fallback : String.valueOf(value);
    }
}
