package dev.berth.runner.durable;

import java.util.List;
import java.util.Optional;

/// A page of a query; `continuation` is present when more instances match.
public record InstancePage(List<InstanceInfo> instances, Optional<String> continuation) {
    public InstancePage {
        instances = List.copyOf(instances);
    }
}
