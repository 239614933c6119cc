package dev.berth.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.ContainerSpec;
import dev.berth.runner.container.ContainerStartException;
import dev.berth.runner.container.ContainerStatus;
import dev.berth.runner.container.EngineInfo;
import dev.berth.runner.container.EngineUnavailableException;
import dev.berth.runner.container.ImageBuildException;
import dev.berth.runner.container.ImageBuildRequest;
import dev.berth.runner.container.ImageInfo;
import dev.berth.runner.container.ImageImportRequest;
import dev.berth.runner.container.StartedContainer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/// ContainerEngine over docker-java; this package is the only place in Berth that imports docker-java.
/// DOCKER_HOST (and the rest of the Docker environment) is honoured. Thread-safe: docker-java clients
/// are shared, and every call blocks, so call from virtual threads.
public final class DockerEngine implements ContainerEngine {
    private static final Logger LOG = LoggerFactory.getLogger(DockerEngine.class);
    static final String MANAGED_LABEL = "berth.managed";
    static final String PID_LABEL = "berth.pid";
    static final String SESSION_LABEL = "berth.session";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration QUICK_RESPONSE_TIMEOUT = Duration.ofSeconds(20);
    /// How long past its grace a stop may take (the engine kills, then reaps the process) before Berth
    /// gives up waiting and removes the container by force.
    private static final Duration STOP_MARGIN = Duration.ofSeconds(20);

    private final String dockerHost;
    private final boolean hostFromEnvironment;
    private final long ownerPid;
    private final DockerHttpClient quickHttp;
    private final DockerHttpClient streamingHttp;
    // Short response timeout for calls that answer at once; none for builds, follows and stops,
    // which legitimately stay silent for minutes.
    private final DockerClient quick;
    private final DockerClient streaming;
    private final ContainerLauncher launcher;
    private final LogStreams logs;
    private final Puller puller;
    private final Duration stopMargin;

    /// Uses the environment's engine (DOCKER_HOST, else the local socket).
    public DockerEngine() {
        this(DefaultDockerClientConfig.createDefaultConfigBuilder().build(), System.getenv("DOCKER_HOST") != null,
                ProcessHandle.current().pid(), STOP_MARGIN);
    }

    /// Uses the engine at `dockerHost`, e.g. `unix:///var/run/docker.sock` or `tcp://127.0.0.1:2375`.
    public DockerEngine(String dockerHost) { this(dockerHost, ProcessHandle.current().pid()); }

    /// Test hook: an engine that labels its containers as owned by `ownerPid` (a dead pid makes orphans).
    DockerEngine(String dockerHost, long ownerPid) { this(dockerHost, ownerPid, STOP_MARGIN); }

    /// Test hook: as above, with a shorter wait for stops past their grace.
    DockerEngine(String dockerHost, long ownerPid, Duration stopMargin) {
        this(DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build(), true, ownerPid,
                stopMargin);
    }

    private DockerEngine(DockerClientConfig config, boolean hostFromEnvironment, long ownerPid, Duration stopMargin) {
        this.stopMargin = stopMargin;
        this.dockerHost = config.getDockerHost().toString();
        this.hostFromEnvironment = hostFromEnvironment;
        this.ownerPid = ownerPid;
        this.quickHttp = http(config, QUICK_RESPONSE_TIMEOUT);
        this.streamingHttp = http(config, null);
        this.quick = DockerClientImpl.getInstance(config, quickHttp);
        this.streaming = DockerClientImpl.getInstance(config, streamingHttp);
        this.launcher = new ContainerLauncher(quick, ownerPid);
        this.logs = new LogStreams(quick, streaming);
        this.puller = new Puller(streaming);
    }

    /// Test hook: the short-timeout client, to inspect what Berth created.
    DockerClient client() { return quick; }

    private static DockerHttpClient http(DockerClientConfig config, Duration responseTimeout) {
        var builder = new ApacheDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig()).maxConnections(50).connectionTimeout(CONNECT_TIMEOUT);
        if (responseTimeout != null) builder.responseTimeout(responseTimeout);
        return builder.build();
    }

    @Override public EngineInfo info() throws EngineUnavailableException {
        try {
            var version = quick.versionCmd().exec();
            var info = quick.infoCmd().exec();
            var runtimes = info.getRuntimes() == null ? java.util.Set.<String>of() : info.getRuntimes().keySet();
            // Only a local engine shares this machine's PATH; a remote one is judged by its runtimes alone.
            boolean hook = EngineErrors.isUnixSocket(dockerHost) && Gpu.hookOnPath(System.getenv("PATH"));
            return new EngineInfo(version.getVersion(), version.getApiVersion(), info.getOperatingSystem(),
                    Gpu.available(runtimes, hook), Gpu.detail(runtimes, hook));
        } catch (RuntimeException e) {
            throw EngineErrors.unavailable(dockerHost, hostFromEnvironment, e);
        }
    }

    @Override public java.util.Optional<String> dataRoot() {
        try {
            return java.util.Optional.ofNullable(quick.infoCmd().exec().getDockerRootDir()).filter(d -> !d.isBlank());
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // unreachable: the reachability check already says so
        }
    }

    @Override public java.util.Optional<String> bridgeGateway() {
        try {
            var ipam = quick.inspectNetworkCmd().withNetworkId("bridge").exec().getIpam();
            if (ipam == null || ipam.getConfig() == null) return java.util.Optional.empty();
            return ipam.getConfig().stream().map(c -> c.getGateway()).filter(g -> g != null && !g.isBlank()
                    && !g.contains(":")).findFirst();
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // a remote or unusual engine: containers call back elsewhere, if at all
        }
    }

    @Override public java.util.Optional<dev.berth.runner.container.ResourceUse> usage(String containerId) {
        try {
            long nanoCpus = java.util.Objects.requireNonNullElse(
                    quick.inspectContainerCmd(containerId).exec().getHostConfig().getNanoCPUs(), 0L);
            var sample = new java.util.concurrent.CompletableFuture<com.github.dockerjava.api.model.Statistics>();
            try (var ignored = quick.statsCmd(containerId).withNoStream(true).exec(
                    new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Statistics>() {
                        @Override public void onNext(com.github.dockerjava.api.model.Statistics stats) { sample.complete(stats); }

                        @Override public void onError(Throwable error) { sample.completeExceptionally(error); }
                    })) {
                return java.util.Optional.of(ResourceStats.use(sample.get(10, java.util.concurrent.TimeUnit.SECONDS), nanoCpus));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        } catch (Exception e) { // gone, or stats not available (some remote engines)
            return java.util.Optional.empty();
        }
    }

    @Override public boolean local() { return EngineErrors.isUnixSocket(dockerHost); }

    @Override public java.util.Set<Long> processIds(String containerId) {
        if (!local()) return java.util.Set.of(); // its pids are another machine's
        try {
            return ContainerProcesses.pids(quick.topContainerCmd(containerId).exec());
        } catch (RuntimeException e) { // gone meanwhile, or an engine that cannot list them
            return java.util.Set.of();
        }
    }

    @Override public boolean imageExists(String reference) {
        try {
            quick.inspectImageCmd(reference).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override public String build(ImageBuildRequest request, Consumer<String> progress) throws ImageBuildException {
        var output = new BuildOutput(progress);
        var callback = new BuildCallback(output);
        try {
            var cmd = streaming.buildImageCmd().withBaseDirectory(request.contextDir().toFile())
                    .withDockerfile(request.dockerfile().toFile()).withTags(java.util.Set.of(request.tag()))
                    .withLabels(managed(request.labels())).withPull(false).withRemove(true).withForcerm(true);
            request.buildArgs().forEach(cmd::withBuildArg);
            cmd.exec(callback).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageBuildException("Building " + request.tag() + " was interrupted.", e);
        } catch (RuntimeException e) {
            throw new ImageBuildException(output.failureMessage(request.tag(), request.dockerfile(), e.getMessage()), e);
        } finally {
            closeQuietly(callback);
        }
        if (output.failed() || callback.imageId == null) {
            throw new ImageBuildException(output.failureMessage(request.tag(), request.dockerfile(),
                    "Docker reported no image id"));
        }
        return callback.imageId;
    }

    @Override public String importRootfs(ImageImportRequest request) throws ImageBuildException {
        return new RootfsImport(streamingHttp).importRootfs(request, managed(request.labels()));
    }

    @Override public boolean tryPull(String reference, Duration timeout) { return puller.tryPull(reference, timeout); }

    @Override public void removeImage(String reference) {
        try {
            quick.removeImageCmd(reference).withForce(true).exec();
        } catch (NotFoundException e) {
            LOG.debug("image {} already gone", reference);
        } catch (ConflictException e) {
            LOG.warn("image {} is still used by a container and stays: {}", reference, e.getMessage());
        }
    }

    @Override public List<ImageInfo> images(Map<String, String> labels) {
        var found = new java.util.ArrayList<ImageInfo>();
        for (var image : quick.listImagesCmd().withLabelFilter(labels).exec()) {
            var created = java.time.Instant.ofEpochSecond(image.getCreated() == null ? 0 : image.getCreated());
            if (image.getRepoTags() == null) continue;
            for (var tag : image.getRepoTags()) if (!tag.startsWith("<none>")) found.add(new ImageInfo(tag, created));
        }
        return found;
    }

    @Override public StartedContainer start(ContainerSpec spec) throws ContainerStartException {
        return launcher.start(spec);
    }

    @Override public ContainerStatus status(String containerId) {
        try {
            var state = quick.inspectContainerCmd(containerId).exec().getState();
            boolean running = Boolean.TRUE.equals(state.getRunning());
            Long exit = state.getExitCodeLong();
            return new ContainerStatus(true, running, exit == null ? 0 : exit.intValue(),
                    Boolean.TRUE.equals(state.getOOMKilled()));
        } catch (NotFoundException e) {
            return new ContainerStatus(false, false, 0, false);
        }
    }

    @Override public List<String> tailLogs(String containerId, int lines) { return logs.tail(containerId, lines); }

    @Override public AutoCloseable followLogs(String containerId, LogSink sink) { return logs.follow(containerId, sink); }

    @Override public void stopAndRemove(String containerId, Duration grace) {
        stop(containerId, grace);
        try {
            quick.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            LOG.debug("container {} already removed", containerId);
        } catch (ConflictException e) {
            // "removal already in progress": someone else is removing it, which is what we want.
            LOG.debug("container {} is being removed already: {}", containerId, e.getMessage());
        }
    }

    /// A stop stays silent for its whole grace, so it cannot use the quick client's response timeout;
    /// it runs on its own virtual thread, waited for grace + margin. A hung engine is then left to the
    /// forced removal (whose client does time out); the abandoned call is interrupted, and ends at the
    /// latest when this engine's clients close.
    private void stop(String containerId, Duration grace) {
        var seconds = (int) Math.max(0, Math.min(Integer.MAX_VALUE, grace.toSeconds()));
        var call = new FutureTask<Void>(() -> {
            streaming.stopContainerCmd(containerId).withTimeout(seconds).exec();
            return null;
        });
        Thread.ofVirtual().name("docker-stop-" + containerId).start(call);
        var limit = Duration.ofSeconds(seconds).plus(stopMargin);
        try {
            call.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            LOG.warn("stopping {} took over {}; removing it by force", containerId, limit);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case NotFoundException gone -> LOG.debug("container {} was not there", containerId);
                case NotModifiedException stopped -> LOG.debug("container {} was not running", containerId);
                case DockerException failed ->
                        LOG.warn("stopping {} failed, removing it by force: {}", containerId, failed.getMessage());
                case RuntimeException other -> throw other;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override public int reapOrphans() {
        int reaped = 0;
        for (var container : quick.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(MANAGED_LABEL, "true")).exec()) {
            if (Orphans.isOrphan(container.getLabels(), ownerPid)) {
                LOG.info("removing container {} left by Berth process {}", container.getId(),
                        container.getLabels().get(PID_LABEL));
                stopAndRemove(container.getId(), Duration.ZERO);
                reaped++;
            }
        }
        return reaped;
    }

    @Override public List<String> managedContainers(String sessionId) {
        return quick.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(MANAGED_LABEL, "true", SESSION_LABEL, sessionId)).exec()
                .stream().map(c -> c.getId()).toList();
    }

    @Override public void close() {
        for (var client : List.of(quick, streaming)) closeQuietly(client);
    }

    private static Map<String, String> managed(Map<String, String> labels) {
        var all = new HashMap<>(labels);
        all.put(MANAGED_LABEL, "true");
        return all;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed", closeable, e);
        }
    }

    /// Feeds build output to [BuildOutput]; confined to docker-java's callback thread.
    private static final class BuildCallback extends ResultCallback.Adapter<BuildResponseItem> {
        private final BuildOutput output;
        private volatile String imageId;

        BuildCallback(BuildOutput output) { this.output = output; }

        @Override public void onNext(BuildResponseItem item) {
            if (item.getStream() != null) output.stream(item.getStream());
            if (item.isErrorIndicated()) {
                var detail = item.getErrorDetail();
                output.error(detail != null ? detail.getMessage() : "Docker reported an error without detail");
            }
            if (item.isBuildSuccessIndicated()) imageId = item.getImageId();
        }
    }
}
