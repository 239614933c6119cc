package dev.berth.runner.docker;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.ContainerSpec;
import dev.berth.runner.container.ContainerStartException;
import dev.berth.runner.container.ContainerStatus;
import dev.berth.runner.container.EngineInfo;
import dev.berth.runner.container.EngineUnavailableException;
import dev.berth.runner.container.ImageBuildException;
import dev.berth.runner.container.ImageBuildRequest;
import dev.berth.runner.container.StartedContainer;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/// ContainerEngine over docker-java; the only class family in Berth that imports docker-java. Thread-safe.
public final class DockerEngine implements ContainerEngine {
    @Override public EngineInfo info() throws EngineUnavailableException { throw new EngineUnavailableException("being built"); }
    @Override public boolean imageExists(String reference) { return false; }
    @Override public String build(ImageBuildRequest request, Consumer<String> progress) throws ImageBuildException { throw new ImageBuildException("being built"); }
    @Override public StartedContainer start(ContainerSpec spec) throws ContainerStartException { throw new ContainerStartException("being built"); }
    @Override public ContainerStatus status(String containerId) { return new ContainerStatus(false, false, 0, false); }
    @Override public List<String> tailLogs(String containerId, int lines) { return List.of(); }
    @Override public AutoCloseable followLogs(String containerId, LogSink sink) { return () -> {}; }
    @Override public void stopAndRemove(String containerId, Duration grace) {}
    @Override public int reapOrphans() { return 0; }
    @Override public void close() {}
}
