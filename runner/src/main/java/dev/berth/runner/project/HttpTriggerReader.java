package dev.berth.runner.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// Reads the httpTrigger-specific fields of a binding: authLevel, methods and route. Stateless.
final class HttpTriggerReader {
    static final Set<String> KNOWN_KEYS = Set.of("type", "direction", "name", "authLevel", "methods", "route",
            "webHookType", "dataType");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE");

    private HttpTriggerReader() {}

    /// The trigger of function `function`, or empty after recording ERRORs.
    static Optional<HttpTrigger> read(SourceDoc doc, String field, JsonNode binding, String function,
                                      String routePrefix, Problems problems) {
        Fields.warnUnknown(doc, field, binding, KNOWN_KEYS, true, "an httpTrigger binding", problems);
        var level = authLevel(doc, field, binding, problems);
        var methods = methods(doc, field, binding, problems);
        var route = route(doc, field, binding, function, routePrefix, problems);
        if (level.isEmpty() || methods.isEmpty() || route.isEmpty()) return Optional.empty();
        return Optional.of(new HttpTrigger(route.get(), methods.get(), level.get()));
    }

    private static Optional<AuthLevel> authLevel(SourceDoc doc, String field, JsonNode binding, Problems problems) {
        var entry = Fields.find(binding, "authLevel", true);
        if (entry.isEmpty()) return Optional.of(AuthLevel.FUNCTION); // Azure's default
        var value = entry.get().getValue();
        if (value.isTextual()) {
            for (var level : AuthLevel.values()) {
                if (level.name().equalsIgnoreCase(value.asText().strip())) return Optional.of(level);
            }
        }
        problems.error(doc, SourceDoc.child(field, entry.get().getKey()), SourceParser.describe(value)
                + " is not a valid authLevel.", "use \"anonymous\" (no key), \"function\" (a function key) "
                + "or \"admin\" (the master key).");
        return Optional.empty();
    }

    private static Optional<Set<String>> methods(SourceDoc doc, String field, JsonNode binding, Problems problems) {
        var entry = Fields.find(binding, "methods", true);
        if (entry.isEmpty() || entry.get().getValue().isNull()) return Optional.of(Set.of());
        var where = SourceDoc.child(field, entry.get().getKey());
        var value = entry.get().getValue();
        var fix = "list HTTP methods, e.g. \"methods\": [\"get\", \"post\"]; valid: " + String.join(", ", METHODS)
                + "; leave the field out to accept every method.";
        if (!value.isArray()) {
            problems.error(doc, where, "methods must be a list, found " + SourceParser.describe(value) + ".", fix);
            return Optional.empty();
        }
        var methods = new LinkedHashSet<String>();
        boolean ok = true;
        for (int i = 0; i < value.size(); i++) {
            var item = value.get(i);
            var upper = item.isTextual() ? item.asText().strip().toUpperCase(Locale.ROOT) : "";
            if (!METHODS.contains(upper)) {
                problems.error(doc, SourceDoc.item(where, i), SourceParser.describe(item)
                        + " is not an HTTP method.", fix);
                ok = false;
            }
            methods.add(upper);
        }
        return ok ? Optional.of(methods) : Optional.empty();
    }

    private static Optional<String> route(SourceDoc doc, String field, JsonNode binding, String function,
                                          String routePrefix, Problems problems) {
        var entry = Fields.find(binding, "route", true);
        var value = entry.map(Map.Entry::getValue).orElse(null);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return Optional.of(function); // Azure: no route means the function name
        }
        var where = SourceDoc.child(field, entry.get().getKey());
        if (!value.isTextual()) {
            problems.error(doc, where, "route must be text, found " + SourceParser.describe(value) + ".",
                    "write the route in double quotes, e.g. \"products/{id:int}\".");
            return Optional.empty();
        }
        RouteTemplate template;
        try {
            template = RouteTemplate.parse(value.asText());
        } catch (IllegalArgumentException e) {
            problems.error(doc, where, "invalid route template: " + e.getMessage() + ".",
                    "write segments separated by '/', each either text or one {parameter}, "
                            + "e.g. \"products/{category:alpha}/{id:int?}\".");
            return Optional.empty();
        }
        checkPrefix(doc, where, template, routePrefix, problems);
        return Optional.of(template.text());
    }

    private static void checkPrefix(SourceDoc doc, String where, RouteTemplate template, String routePrefix,
                                    Problems problems) {
        var first = template.text().split("/", 2)[0];
        if (!routePrefix.isEmpty() && first.equalsIgnoreCase(routePrefix)) {
            problems.warning(doc, where, "the route starts with the route prefix \"" + routePrefix
                    + "\", so its URL is /" + routePrefix + "/" + template.text() + ".",
                    "leave \"" + routePrefix + "/\" out of the route; host.json extensions.http.routePrefix adds it.");
        }
        if (routePrefix.isEmpty() && first.equalsIgnoreCase("admin")) {
            problems.error(doc, where, "with an empty routePrefix, routes starting with \"admin\" collide with the "
                    + "host's built-in admin API.", "choose another first segment, or set a routePrefix in host.json.");
        }
    }
}
