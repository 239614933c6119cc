package dev.berth.runner.ingress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.replica.ReplicaInfo;
import dev.berth.runner.replica.ReplicaPool;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/// A real HTTP server standing in for one replica container, and a pool holding just it.
final class FakeReplica implements ReplicaPool, AutoCloseable {
    interface Handler { void handle(HttpExchange exchange) throws IOException; }

    private final HttpServer server;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger failuresReported = new AtomicInteger();
    private volatile boolean ready = true;
    private final AtomicInteger acquireCalls = new AtomicInteger();
    private final java.util.Set<Integer> clientPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<java.util.function.Consumer<URI>> removalListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    FakeReplica(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
    }

    /// How many times a request asked for a replica.
    int acquireCalls() { return acquireCalls.get(); }

    /// How many connections requests came on (each has its own client port).
    int connectionsAccepted() { return clientPorts.size(); }

    void setReady(boolean ready) { this.ready = ready; }

    /// How many leases told the pool their replica failed.
    int failuresReported() { return failuresReported.get(); }

    @Override
    public Optional<Lease> acquire(Duration timeout) throws InterruptedException {
        acquireCalls.incrementAndGet();
        if (!ready) {
            // As a real pool: wait out the timeout for a replica that does not come.
            Thread.sleep(timeout);
            return Optional.empty();
        }
        outstanding.incrementAndGet();
        var base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return Optional.of(new Lease() {
            @Override public String replicaId() { return "r1"; }
            @Override public URI baseUri() { return base; }
            @Override public void reportFailure(Throwable cause) { failuresReported.incrementAndGet(); }
            @Override public void close() { outstanding.decrementAndGet(); }
        });
    }

    @Override
    public List<ReplicaInfo> replicas() {
        return List.of(new ReplicaInfo("r1", "app--abc1234", ready ? ReplicaState.READY : ReplicaState.STARTING,
                "c0ffee", Instant.EPOCH, Optional.of(Instant.EPOCH), server.getAddress().getPort(), 0,
                outstanding.get(), 0));
    }

    @Override
    public void onContainerRemoved(java.util.function.Consumer<URI> listener) { removalListeners.add(listener); }

    /// Tells the listeners this replica's container was removed, as a ReplicaSet does.
    void announceRemoved() {
        var base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        removalListeners.forEach(l -> l.accept(base));
    }

    @Override
    public void close() { server.stop(0); }
}
