package dev.berth.runner.ingress;

import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.FunctionDef;
import dev.berth.runner.project.HttpTrigger;
import dev.berth.runner.project.RouteTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/// Maps `/<routePrefix>/<route>` requests to HTTP-triggered functions. Immutable, thread-safe.
final class RouteTable {
    private final String prefix;
    private final List<Entry> entries;

    private record Entry(FunctionDef function, HttpTrigger trigger, RouteTemplate template) {}

    /// The outcome of routing one request.
    sealed interface Result {
        record Found(FunctionDef function, HttpTrigger trigger, Map<String, String> params) implements Result {}
        record MethodNotAllowed(FunctionDef function, HttpTrigger trigger) implements Result {}
        record NotFound() implements Result {}
    }

    RouteTable(FunctionApp app) {
        var routePrefix = app.host().routePrefix();
        this.prefix = routePrefix.isEmpty() ? "/" : "/" + routePrefix + "/";
        var list = new ArrayList<Entry>();
        for (var function : app.functions()) {
            function.httpTrigger().ifPresent(t -> list.add(new Entry(function, t, RouteTemplate.parse(t.route()))));
        }
        // As ASP.NET orders routes: `items/new` wins over `items/{id}` whatever the folders' order.
        list.sort(java.util.Comparator.comparing(Entry::template, RouteTemplate.mostSpecificFirst()));
        this.entries = List.copyOf(list);
    }

    /// The path prefix every function route sits under, e.g. "/api/".
    String prefix() { return prefix; }

    Result route(String method, String path) {
        if (!path.startsWith(prefix)) return new Result.NotFound();
        var rest = path.substring(prefix.length());
        Result result = new Result.NotFound();
        for (var entry : entries) {
            Optional<Map<String, String>> params = entry.template().match(rest);
            if (params.isEmpty()) continue;
            var methods = entry.trigger().methods();
            if (methods.isEmpty() || methods.contains(method.toUpperCase(Locale.ROOT))) {
                return new Result.Found(entry.function(), entry.trigger(), params.get());
            }
            result = new Result.MethodNotAllowed(entry.function(), entry.trigger());
        }
        return result;
    }
}
