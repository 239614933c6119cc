package dev.berth.runner.project;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/// Finds pairs of HTTP functions that would take the same request: a route shape in common (see
/// [RouteTemplate#shapes]) and a method in common (no methods means every method). Stateless.
final class DuplicateRoutes {
    private DuplicateRoutes() {}

    static void check(List<FunctionReader.Loaded> functions, Problems problems) {
        var http = functions.stream().filter(f -> f.function().httpTrigger().isPresent()).toList();
        for (int i = 0; i < http.size(); i++) {
            for (int j = i + 1; j < http.size(); j++) {
                var first = http.get(i).function();
                var later = http.get(j);
                var second = later.function();
                var a = first.httpTrigger().orElseThrow();
                var b = second.httpTrigger().orElseThrow();
                if (!overlap(a.methods(), b.methods())) continue;
                var shared = new HashSet<>(RouteTemplate.parse(a.route()).shapes());
                shared.retainAll(RouteTemplate.parse(b.route()).shapes());
                if (shared.isEmpty()) continue;
                problems.error(later.file(), later.triggerLine(), later.triggerField() + ".route", "the route \"" + b.route()
                        + "\" of function \"" + second.name() + "\" takes the same requests as the route \"" + a.route()
                        + "\" of function \"" + first.name() + "\"" + methodsNote(a.methods(), b.methods()) + ".",
                        "give one of the two functions another route, or split their `methods`.");
            }
        }
    }

    private static boolean overlap(Set<String> a, Set<String> b) {
        return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }

    private static String methodsNote(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) return "";
        var common = new HashSet<>(a.isEmpty() ? b : a);
        if (!a.isEmpty() && !b.isEmpty()) common.retainAll(b);
        return " for " + String.join(", ", common.stream().sorted().toList());
    }
}
