package dev.berth.runner.container;

/// State of a container. `exitCode` and `oomKilled` mean something only when `running` is false;
/// `exists` is false when the container was removed.
public record ContainerStatus(boolean exists, boolean running, int exitCode, boolean oomKilled) {}
