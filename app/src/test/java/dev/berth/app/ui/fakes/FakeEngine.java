package dev.berth.app.ui.fakes;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.ImageImportRequest;
import dev.berth.runner.container.ContainerSpec;
import dev.berth.runner.container.ContainerStatus;
import dev.berth.runner.container.EngineInfo;
import dev.berth.runner.container.EngineUnavailableException;
import dev.berth.runner.container.ImageBuildRequest;
import dev.berth.runner.container.StartedContainer;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/// A container engine that only answers `info()` (with `answer`, or by throwing `failure` when it is set)
/// and whether an image in `images` exists.
public final class FakeEngine implements ContainerEngine {
    public final java.util.Set<String> images = java.util.concurrent.ConcurrentHashMap.newKeySet();
    public volatile EngineInfo answer = new EngineInfo("27.3.1", "1.47", "linux", false,
            "No NVIDIA runtime is registered with Docker.");
    public volatile String failure;

    public static FakeEngine unavailable(String why) {
        var engine = new FakeEngine();
        engine.failure = why;
        return engine;
    }

    @Override public EngineInfo info() throws EngineUnavailableException {
        if (failure != null) throw new EngineUnavailableException(failure);
        return answer;
    }

    @Override public boolean imageExists(String reference) { return images.contains(reference); }

    @Override public String build(ImageBuildRequest request, Consumer<String> progress) { throw new UnsupportedOperationException(); }

    @Override public StartedContainer start(ContainerSpec spec) { throw new UnsupportedOperationException(); }

    @Override public ContainerStatus status(String containerId) { throw new UnsupportedOperationException(); }

    @Override public List<String> tailLogs(String containerId, int lines) { throw new UnsupportedOperationException(); }

    @Override public AutoCloseable followLogs(String containerId, LogSink sink) { throw new UnsupportedOperationException(); }

    @Override public void stopAndRemove(String containerId, Duration grace) { throw new UnsupportedOperationException(); }

    @Override public int reapOrphans() { return 0; }
    @Override public String importRootfs(ImageImportRequest request) { throw new UnsupportedOperationException(); }

    @Override public boolean tryPull(String reference, Duration timeout) { throw new UnsupportedOperationException(); }

    @Override public void removeImage(String reference) { throw new UnsupportedOperationException(); }

    @Override public List<dev.berth.runner.container.ImageInfo> images(java.util.Map<String, String> labels) {
        throw new UnsupportedOperationException();
    }

    @Override public List<String> managedContainers(String sessionId) { throw new UnsupportedOperationException(); }


    @Override public void close() {}
}
