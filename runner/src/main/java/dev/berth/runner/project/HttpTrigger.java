package dev.berth.runner.project;

import java.util.Set;

/// An httpTrigger binding. `route` is the template without the route prefix (e.g. "hello/{name}");
/// it defaults to the function name. `methods` are upper case; empty means every method.
public record HttpTrigger(String route, Set<String> methods, AuthLevel authLevel) {
    public HttpTrigger { methods = Set.copyOf(methods); }
}
