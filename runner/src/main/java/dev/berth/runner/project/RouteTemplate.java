package dev.berth.runner.project;

import java.util.Map;
import java.util.Optional;

/// A function.json `route` template such as `products/{category:alpha}/{id:int?}`. Immutable.
public final class RouteTemplate {
    private RouteTemplate() {}

    public static RouteTemplate parse(String route) {
        throw new IllegalArgumentException("RouteTemplate is being built: " + route);
    }

    /// Matches a request path without the route prefix (no leading slash); the parameters on a match.
    public Optional<Map<String, String>> match(String path) { return Optional.empty(); }
}
