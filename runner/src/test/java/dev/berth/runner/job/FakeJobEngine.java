package dev.berth.runner.job;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.ContainerSpec;
import dev.berth.runner.container.ContainerStartException;
import dev.berth.runner.container.ContainerStatus;
import dev.berth.runner.container.EngineInfo;
import dev.berth.runner.container.ImageBuildException;
import dev.berth.runner.container.ImageBuildRequest;
import dev.berth.runner.container.ImageImportRequest;
import dev.berth.runner.container.ImageInfo;
import dev.berth.runner.container.StartedContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/// An engine whose containers run until the test ends them with [#exit]; records starts and removals.
/// Confined to the test's thread (the job runner ticks on it).
final class FakeJobEngine implements ContainerEngine {
    /// One fake container.
    static final class Box {
        final String id;
        final ContainerSpec spec;
        final List<String> logs = new ArrayList<>();
        boolean running = true;
        boolean removed;
        int exitCode;
        Duration stoppedWith;

        Box(String id, ContainerSpec spec) {
            this.id = id;
            this.spec = spec;
        }
    }

    final Map<String, Box> boxes = new LinkedHashMap<>();
    int failStarts;

    List<Box> running() { return boxes.values().stream().filter(b -> b.running && !b.removed).toList(); }

    Box box(int index) { return List.copyOf(boxes.values()).get(index); }

    void exit(Box box, int code, String... lines) {
        box.logs.addAll(List.of(lines));
        box.running = false;
        box.exitCode = code;
    }

    @Override
    public StartedContainer start(ContainerSpec spec) throws ContainerStartException {
        if (failStarts > 0) {
            failStarts--;
            throw new ContainerStartException("image " + spec.image() + " not found");
        }
        var box = new Box("c" + (boxes.size() + 1), spec);
        box.logs.add("started " + spec.name());
        boxes.put(box.id, box);
        return new StartedContainer(box.id, Map.of());
    }

    @Override
    public ContainerStatus status(String id) {
        var box = boxes.get(id);
        if (box == null || box.removed) return new ContainerStatus(false, false, 0, false);
        return new ContainerStatus(true, box.running, box.exitCode, false);
    }

    @Override public List<String> tailLogs(String id, int lines) {
        var logs = boxes.get(id).logs;
        return List.copyOf(logs.subList(Math.max(0, logs.size() - lines), logs.size()));
    }

    @Override public AutoCloseable followLogs(String id, LogSink sink) { return () -> { }; }

    @Override
    public void stopAndRemove(String id, Duration grace) {
        var box = boxes.get(id);
        if (box.running) box.stoppedWith = grace;
        box.running = false;
        box.removed = true;
    }

    @Override public EngineInfo info() { return new EngineInfo("fake", "1.41", "linux", false, "none"); }
    @Override public boolean imageExists(String reference) { return true; }
    @Override public String build(ImageBuildRequest request, Consumer<String> progress) { return "sha256:fake"; }
    @Override public int reapOrphans() { return 0; }
    @Override public String importRootfs(ImageImportRequest request) throws ImageBuildException {
        throw new ImageBuildException("the job tests' engine imports nothing");
    }
    @Override public boolean tryPull(String reference, Duration timeout) { return false; }
    @Override public void removeImage(String reference) {}
    @Override public List<ImageInfo> images(Map<String, String> labels) { return List.of(); }
    @Override public List<String> managedContainers(String sessionId) { return List.of(); }
    @Override public void close() {}
}
