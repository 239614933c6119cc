package dev.berth.runner.replica;

import com.sun.net.httpserver.HttpServer;
import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.ImageBuildException;
import dev.berth.runner.container.ImageImportRequest;
import dev.berth.runner.container.ContainerSpec;
import dev.berth.runner.container.ContainerStartException;
import dev.berth.runner.container.ContainerStatus;
import dev.berth.runner.container.EngineInfo;
import dev.berth.runner.container.ImageBuildRequest;
import dev.berth.runner.container.StartedContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/// A container engine whose "containers" are tiny HTTP servers on loopback, so readiness is probed for
/// real. Each start follows the next queued [Plan] (READY when none is queued). Thread-safe.
final class FakeEngine implements ContainerEngine {
    enum Plan { READY, LATE, EXIT_AT_START, FAIL_START }

    /// Set to make every stopAndRemove fail, as a hung or broken engine would.
    volatile boolean failRemove;
    /// Set to refuse every GPU request with this message, as an engine without the NVIDIA driver does.
    volatile String gpuRefusal;
    final java.util.concurrent.atomic.AtomicInteger statusCalls = new java.util.concurrent.atomic.AtomicInteger();
    /// How many of the next status calls fail, as a timed-out engine call would.
    final java.util.concurrent.atomic.AtomicInteger statusFailures = new java.util.concurrent.atomic.AtomicInteger();

    static final List<String> EXIT_LOGS = List.of("Traceback (most recent call last):",
            "ModuleNotFoundError: No module named 'flask'");

    /// One fake container. `handlerPort` is its published handler port on 127.0.0.1.
    final class Container {
        final String id;
        final ContainerSpec spec;
        final int handlerPort;
        final Map<Integer, Integer> hostPorts;
        final List<String> logs = new CopyOnWriteArrayList<>();
        final List<LogSink> sinks = new CopyOnWriteArrayList<>();
        volatile HttpServer server;
        volatile boolean running = true;
        volatile boolean removed;
        volatile int exitCode;
        volatile boolean oom;

        Container(String id, ContainerSpec spec, Map<Integer, Integer> hostPorts) {
            this.id = id;
            this.spec = spec;
            this.hostPorts = Map.copyOf(hostPorts);
            this.handlerPort = hostPorts.get(spec.ports().getFirst());
        }

        synchronized void serve() {
            if (server != null) return;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), handlerPort), 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                probed.add(exchange.getRequestURI().getPath());
                int status = exchange.getRequestURI().getPath().equals("/healthz") ? healthStatus : 200;
                var body = status == 204 ? new byte[0] : id.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                if (body.length > 0) exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            log("stdout", "listening on 0.0.0.0:" + spec.ports().getFirst());
        }

        synchronized void stopServing() {
            if (server != null) server.stop(0);
            server = null;
        }

        void log(String stream, String line) {
            logs.add(line);
            sinks.forEach(s -> s.line(stream, line));
        }
    }

    final List<Container> containers = new CopyOnWriteArrayList<>();
    /// "start <id>" and "remove <id>" in the order they happened.
    final List<String> operations = new CopyOnWriteArrayList<>();
    final Queue<String> probed = new ConcurrentLinkedQueue<>();
    volatile int healthStatus = 200;
    private final java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
    private final Queue<Plan> plans = new ConcurrentLinkedQueue<>();
    private final Map<String, Container> byId = new ConcurrentHashMap<>();

    void plan(Plan... next) { plans.addAll(List.of(next)); }

    Container container(int index) { return containers.get(index); }

    /// The container stops: its server goes away and it reports the exit.
    void crash(Container c, int exitCode, boolean oom, String... lastLines) {
        for (var line : lastLines) c.log("stderr", line);
        c.stopServing();
        c.exitCode = exitCode;
        c.oom = oom;
        c.running = false;
    }

    @Override
    public StartedContainer start(ContainerSpec spec) throws ContainerStartException {
        var plan = plans.isEmpty() ? Plan.READY : plans.poll();
        if (plan == Plan.FAIL_START) throw new ContainerStartException("image " + spec.image() + " not found");
        var refusal = gpuRefusal;
        if (refusal != null && spec.gpu().requested()) {
            operations.add("refused gpu " + spec.name());
            throw new ContainerStartException("Container from " + spec.image() + " did not start. Docker said: " + refusal);
        }
        var hostPorts = new HashMap<Integer, Integer>();
        for (var port : spec.ports()) hostPorts.put(port, freePort());
        var c = new Container("c" + started.incrementAndGet(), spec, hostPorts);
        operations.add("start " + c.id);
        byId.put(c.id, c);
        containers.add(c);
        switch (plan) {
            case READY -> c.serve();
            case EXIT_AT_START -> {
                EXIT_LOGS.forEach(line -> c.log("stderr", line));
                c.exitCode = 1;
                c.running = false;
            }
            case LATE, FAIL_START -> { }
        }
        return new StartedContainer(c.id, hostPorts);
    }

    @Override
    public ContainerStatus status(String containerId) {
        statusCalls.incrementAndGet();
        if (statusFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("the fake engine's status call timed out");
        }
        var c = byId.get(containerId);
        if (c == null || c.removed) return new ContainerStatus(false, false, 0, false);
        return new ContainerStatus(true, c.running, c.exitCode, c.oom);
    }

    @Override
    public List<String> tailLogs(String containerId, int lines) {
        var logs = byId.get(containerId).logs;
        return List.copyOf(logs.subList(Math.max(0, logs.size() - lines), logs.size()));
    }

    @Override
    public AutoCloseable followLogs(String containerId, LogSink sink) {
        var c = byId.get(containerId);
        c.logs.forEach(line -> sink.line("stdout", line));
        c.sinks.add(sink);
        return () -> c.sinks.remove(sink);
    }

    @Override
    public void stopAndRemove(String containerId, Duration grace) {
        if (failRemove) throw new IllegalStateException("the fake engine refuses to remove " + containerId);
        var c = byId.get(containerId);
        c.stopServing();
        c.running = false;
        c.removed = true;
        operations.add("remove " + containerId);
    }

    @Override public EngineInfo info() { return new EngineInfo("fake", "1.41", "linux", false, "no GPU in the fake"); }

    @Override public boolean imageExists(String reference) { return true; }

    @Override public String build(ImageBuildRequest request, Consumer<String> progress) { return "sha256:fake"; }

    @Override public int reapOrphans() { return 0; }
    // Replicas never build, pull or import images; these answer as an engine with nothing to offer.
    @Override public String importRootfs(ImageImportRequest request) throws ImageBuildException {
        throw new ImageBuildException("the replica tests' engine imports nothing");
    }
    @Override public boolean tryPull(String reference, Duration timeout) { return false; }
    @Override public void removeImage(String reference) {}
    @Override public List<dev.berth.runner.container.ImageInfo> images(Map<String, String> labels) { return List.of(); }
    @Override public List<String> managedContainers(String sessionId) {
        return containers.stream().filter(c -> !c.removed).map(c -> c.id).toList();
    }

    @Override public void close() { containers.forEach(Container::stopServing); }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
