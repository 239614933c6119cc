package dev.berth.runner.project;

import java.util.Map;

/// One entry of a function.json `bindings` array. `properties` keeps every field, known or not.
public record Binding(String type, String direction, String name, Map<String, Object> properties) {
    public Binding { properties = Map.copyOf(properties); }
}
