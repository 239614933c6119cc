package dev.berth.runner.container;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/// The runner's only view of a container engine. The implementation over docker-java lives in
/// `dev.berth.runner.docker`; nothing else in Berth imports docker-java. Thread-safe; calls block, so
/// make them from virtual threads.
public interface ContainerEngine extends AutoCloseable {

    /// Version and capabilities of the engine. Throws when the engine cannot be reached, with a message
    /// that says why and how to fix it.
    EngineInfo info() throws EngineUnavailableException;

    boolean imageExists(String reference);

    /// Builds `request` and returns the image id. Each output line goes to `progress`.
    String build(ImageBuildRequest request, Consumer<String> progress) throws ImageBuildException;

    /// Creates and starts a container; returns once it runs (not once it is ready).
    StartedContainer start(ContainerSpec spec) throws ContainerStartException;

    /// Whether it still runs, and if not its exit code and OOM flag.
    ContainerStatus status(String containerId);

    /// The last `lines` lines of its output, stdout and stderr interleaved.
    List<String> tailLogs(String containerId, int lines);

    /// Streams output lines as they come until the returned handle is closed or the container ends.
    AutoCloseable followLogs(String containerId, LogSink sink);

    /// Stops (SIGTERM, then SIGKILL after `grace`) and removes the container. Never throws for a
    /// container that is already gone.
    void stopAndRemove(String containerId, Duration grace);

    /// Removes every Berth-managed container whose owning session is no longer alive. Returns how many.
    int reapOrphans();

    /// Imports a root filesystem tarball as an image (the offline base images are made this way).
    /// Returns the image id. Engines that cannot import say so with an exception.
    String importRootfs(ImageImportRequest request) throws ImageBuildException;

    /// Pulls `reference` when a registry answers within `timeout`; false when it does not, or when an
    /// earlier pull from the same registry already failed in this session (no registry here is the
    /// usual case offline, so Berth asks once rather than once per build).
    boolean tryPull(String reference, Duration timeout);

    /// Removes an image tag; does nothing when it does not exist.
    void removeImage(String reference);

    /// The tagged images carrying every one of `labels`.
    List<ImageInfo> images(Map<String, String> labels);

    /// Ids of the Berth-managed containers (running or not) labelled with `sessionId`.
    List<String> managedContainers(String sessionId);

    @Override void close();

    /// Receives one output line of a container; `stream` is "stdout" or "stderr".
    @FunctionalInterface
    interface LogSink { void line(String stream, String text); }

    /// The address containers reach this machine at (the default bridge network's gateway), when the engine
    /// runs on this machine; services that containers call back (the durable backend) also listen there.
    default java.util.Optional<String> bridgeGateway() { return java.util.Optional.empty(); }

    /// The container's current cpu and memory use (one stats sample; takes about a second on Docker), or
    /// empty when it is gone or the engine cannot say.
    default java.util.Optional<ResourceUse> usage(String containerId) { return java.util.Optional.empty(); }

    /// Whether the engine runs on this machine (a local socket), so that this machine's `nvidia-smi` and process
    /// ids describe its containers. False when unsure.
    default boolean local() { return false; }

    /// The container's processes as this machine numbers them (what `nvidia-smi` lists), or empty when it is
    /// gone or the engine runs elsewhere (a remote engine's process ids mean nothing here).
    default java.util.Set<Long> processIds(String containerId) { return java.util.Set.of(); }

    /// Where the engine keeps images and containers (Docker's data root, e.g. /var/lib/docker), as the
    /// engine names it; the path is on the engine's machine, which may be a VM. Empty when it cannot say.
    default java.util.Optional<String> dataRoot() { return java.util.Optional.empty(); }
}
