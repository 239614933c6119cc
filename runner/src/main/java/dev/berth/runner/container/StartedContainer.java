package dev.berth.runner.container;

import java.util.Map;

/// A running container: its id and, per container port, the host port on 127.0.0.1.
public record StartedContainer(String id, Map<Integer, Integer> hostPorts) {
    public StartedContainer { hostPorts = Map.copyOf(hostPorts); }
}
