package dev.berth.app;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.ContainerSpec;
import dev.berth.runner.container.ContainerStartException;
import dev.berth.runner.container.ContainerStatus;
import dev.berth.runner.container.EngineInfo;
import dev.berth.runner.container.EngineUnavailableException;
import dev.berth.runner.container.GpuRequest;
import dev.berth.runner.container.ImageBuildException;
import dev.berth.runner.container.ImageBuildRequest;
import dev.berth.runner.container.ImageImportRequest;
import dev.berth.runner.container.ImageInfo;
import dev.berth.runner.container.ResourceUse;
import dev.berth.runner.container.StartedContainer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/// The real Docker engine as if the NVIDIA Container Toolkit were installed: it says a GPU is available and
/// starts GPU containers without their device request (which this machine's engine would refuse), keeping
/// their NVIDIA environment. Everything else is the real engine. The requests it took off are kept, so a
/// test can check what Berth asked for. (That a real engine passes such a request on to the NVIDIA hook is
/// `GpuDeviceRequestIT`'s part.) Thread-safe.
final class NvidiaStandInEngine implements ContainerEngine {
    private final ContainerEngine real;
    private final List<GpuRequest> requested = new CopyOnWriteArrayList<>();

    NvidiaStandInEngine(ContainerEngine real) { this.real = real; }

    List<GpuRequest> requested() { return List.copyOf(requested); }

    @Override public EngineInfo info() throws EngineUnavailableException {
        var info = real.info();
        return new EngineInfo(info.version(), info.apiVersion(), info.operatingSystem(), true, "stand-in NVIDIA runtime");
    }

    @Override public StartedContainer start(ContainerSpec spec) throws ContainerStartException {
        if (spec.gpu().requested()) requested.add(spec.gpu());
        return real.start(new ContainerSpec(spec.image(), spec.name(), spec.labels(), spec.env(), spec.ports(),
                spec.nanoCpus(), spec.memoryBytes(), spec.command(), GpuRequest.NONE));
    }

    @Override public boolean imageExists(String reference) { return real.imageExists(reference); }

    @Override public String build(ImageBuildRequest request, Consumer<String> progress) throws ImageBuildException {
        return real.build(request, progress);
    }

    @Override public ContainerStatus status(String containerId) { return real.status(containerId); }

    @Override public List<String> tailLogs(String containerId, int lines) { return real.tailLogs(containerId, lines); }

    @Override public AutoCloseable followLogs(String containerId, LogSink sink) { return real.followLogs(containerId, sink); }

    @Override public void stopAndRemove(String containerId, Duration grace) { real.stopAndRemove(containerId, grace); }

    @Override public int reapOrphans() { return real.reapOrphans(); }

    @Override public String importRootfs(ImageImportRequest request) throws ImageBuildException {
        return real.importRootfs(request);
    }

    @Override public boolean tryPull(String reference, Duration timeout) { return real.tryPull(reference, timeout); }

    @Override public void removeImage(String reference) { real.removeImage(reference); }

    @Override public List<ImageInfo> images(Map<String, String> labels) { return real.images(labels); }

    @Override public List<String> managedContainers(String sessionId) { return real.managedContainers(sessionId); }

    @Override public Optional<String> bridgeGateway() { return real.bridgeGateway(); }

    @Override public Optional<ResourceUse> usage(String containerId) { return real.usage(containerId); }

    @Override public boolean local() { return real.local(); }

    @Override public Set<Long> processIds(String containerId) { return real.processIds(containerId); }

    @Override public Optional<String> dataRoot() { return real.dataRoot(); }

    @Override public void close() { real.close(); }
}
