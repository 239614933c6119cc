package dev.berth.runner.build;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.ImageImportRequest;
import dev.berth.runner.container.ImageInfo;
import dev.berth.runner.container.ContainerSpec;
import dev.berth.runner.container.ContainerStatus;
import dev.berth.runner.container.EngineInfo;
import dev.berth.runner.container.ImageBuildRequest;
import dev.berth.runner.container.StartedContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/// An engine that knows a set of images, answers pulls as told and records builds and pulls.
final class RecordingEngine implements ContainerEngine {
    final Set<String> images = new HashSet<>();
    final List<String> pulls = new ArrayList<>();
    final List<ImageBuildRequest> builds = new ArrayList<>();
    /// Built images in build order (each one second newer than the last), as `images(labels)` lists them.
    final List<ImageInfo> labelled = new ArrayList<>();
    final List<String> removed = new ArrayList<>();
    boolean registryAnswers;

    @Override public EngineInfo info() { return new EngineInfo("test", "1.41", "test", false, "none"); }
    @Override public boolean imageExists(String reference) { return images.contains(reference); }
    @Override public String build(ImageBuildRequest request, Consumer<String> progress) {
        builds.add(request);
        images.add(request.tag());
        labelled.add(new ImageInfo(request.tag(), java.time.Instant.ofEpochSecond(labelled.size())));
        return "sha256:test";
    }
    @Override public boolean tryPull(String reference, Duration timeout) {
        pulls.add(reference);
        if (registryAnswers) images.add(reference);
        return registryAnswers;
    }
    @Override public StartedContainer start(ContainerSpec spec) { throw new UnsupportedOperationException(); }
    @Override public ContainerStatus status(String containerId) { return new ContainerStatus(false, false, 0, false); }
    @Override public List<String> tailLogs(String containerId, int lines) { return List.of(); }
    @Override public AutoCloseable followLogs(String containerId, LogSink sink) { return () -> {}; }
    @Override public void stopAndRemove(String containerId, Duration grace) {}
    @Override public int reapOrphans() { return 0; }
    @Override public String importRootfs(ImageImportRequest request) {
        images.add(request.tag());
        return "sha256:imported";
    }
    @Override public void removeImage(String reference) {
        images.remove(reference);
        labelled.removeIf(image -> image.tag().equals(reference));
        removed.add(reference);
    }
    @Override public List<ImageInfo> images(java.util.Map<String, String> labels) { return List.copyOf(labelled); }
    @Override public List<String> managedContainers(String sessionId) { return List.of(); }
    @Override public void close() {}
}
