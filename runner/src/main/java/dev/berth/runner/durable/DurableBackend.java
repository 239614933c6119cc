package dev.berth.runner.durable;

import dev.berth.runner.event.EventListener;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/// The durable backend of a session: the engine over the project database, and, when the project has
/// durable functions, the Durable Task gRPC endpoint the SDK's workers and clients connect to (on
/// 127.0.0.1, and on the Docker bridge's gateway address so containers reach it). Thread-safe; close
/// stops serving, then the engine, then the store.
public final class DurableBackend implements AutoCloseable {
    /// Where the Durable Task SDKs look for a sidecar by default.
    public static final int DEFAULT_PORT = 4001;

    /// `port` 0 picks a free one; `extraHosts` are more addresses to listen on (the Docker bridge gateway);
    /// `serve` false opens the store without a gRPC endpoint (projects without durable functions).
    public record Settings(Path database, int port, List<String> extraHosts, boolean serve, String defaultHub,
                           List<String> declaredOrchestrations, Clock clock, EventListener events) {
        public Settings {
            extraHosts = List.copyOf(extraHosts);
            declaredOrchestrations = List.copyOf(declaredOrchestrations);
        }
    }

    private final DurableStore store;
    private final DurableEngine engine;
    private final DurableOperations operations;
    private final Optional<Server> server;
    private final ExecutorService executor;

    private DurableBackend(DurableStore store, DurableEngine engine, DurableOperations operations,
                           Optional<Server> server, ExecutorService executor) {
        this.store = store;
        this.engine = engine;
        this.operations = operations;
        this.server = server;
        this.executor = executor;
    }

    /// Opens the store and starts serving. A taken port is a [BindException] whose message names the fix.
    public static DurableBackend start(Settings settings) throws IOException, SQLException {
        var store = DurableStore.open(settings.database());
        DurableEngine engine = null;
        var executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            engine = new DurableEngine(store, settings.clock(), settings.events());
            var operations = new DurableOperations(engine, settings.defaultHub(), settings.declaredOrchestrations());
            Optional<Server> server = Optional.empty();
            if (settings.serve()) server = Optional.of(serve(settings, engine, operations, executor));
            return new DurableBackend(store, engine, operations, server, executor);
        } catch (IOException | RuntimeException e) {
            if (engine != null) engine.close();
            store.close();
            executor.shutdownNow();
            throw e;
        }
    }

    private static Server serve(Settings settings, DurableEngine engine, DurableOperations operations,
                                ExecutorService executor) throws IOException {
        var service = ServerInterceptors.intercept(new SidecarService(engine, operations),
                new HubInterceptor(settings.defaultHub()));
        var builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", settings.port()))
                .executor(executor)
                // The SDK's channels may ping to keep their worker streams open; allow it.
                .permitKeepAliveWithoutCalls(true)
                .permitKeepAliveTime(10, TimeUnit.SECONDS)
                .addService(service);
        try {
            var server = builder.build().start();
            int port = server.getPort();
            for (var host : settings.extraHosts()) server = alsoOn(server, host, port, service, executor);
            return server;
        } catch (IOException e) {
            if (portTaken(e)) {
                throw new BindException("port " + settings.port() + " on 127.0.0.1 is taken, so the Durable Task"
                        + " backend cannot listen there (another Berth session, or a Durable Task sidecar or emulator?)."
                        + " Fix: stop that program, or run with --durable-port <free port>.");
            }
            throw e;
        }
    }

    /// Netty reports a taken port as an IOException "Failed to bind …" around the transport's own error.
    private static boolean portTaken(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).startsWith("Failed to bind")) return true;
        }
        return false;
    }

    /// Netty binds all addresses of one server or none; a second listener on another address is its own
    /// server, stopped with the first. When the address cannot be bound, containers cannot reach the backend,
    /// which is worth a warning, not a failed run.
    private static Server alsoOn(Server main, String host, int port, io.grpc.ServerServiceDefinition service,
                                 ExecutorService executor) {
        try {
            var extra = NettyServerBuilder.forAddress(new InetSocketAddress(host, port)).executor(executor)
                    .permitKeepAliveWithoutCalls(true).permitKeepAliveTime(10, TimeUnit.SECONDS)
                    .addService(service).build().start();
            return new PairedServer(main, extra);
        } catch (IOException e) {
            LoggerFactory.getLogger(DurableBackend.class).warn("durable backend not reachable on {}:{} ({});"
                    + " containers cannot reach it", host, port, e.toString());
            return main;
        }
    }

    /// The port the gRPC endpoint listens on; empty when it does not serve.
    public Optional<Integer> port() { return server.map(Server::getPort); }

    public DurableControl control() { return operations; }

    /// The engine, for tests that move a fixed clock and then fire due timers.
    public DurableEngine engine() { return engine; }

    @Override
    public void close() {
        server.ifPresent(s -> {
            s.shutdown();
            engine.close(); // ends the worker streams, so the shutdown need not wait for them
            try {
                if (!s.awaitTermination(5, TimeUnit.SECONDS)) s.shutdownNow();
            } catch (InterruptedException e) {
                s.shutdownNow();
                Thread.currentThread().interrupt();
            }
        });
        engine.close();
        executor.shutdown();
        try {
            store.close();
        } catch (SQLException e) {
            LoggerFactory.getLogger(DurableBackend.class).warn("closing the durable store", e);
        }
    }
}
