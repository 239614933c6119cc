package dev.berth.runner.ingress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.FunctionKeys;
import dev.berth.runner.replica.ReplicaPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/// The HTTP front door of a running project on 127.0.0.1: function routes under the route prefix, and
/// the admin API under `/admin/`. One virtual thread per request. Thread-safe; close to stop serving.
public final class Ingress implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Ingress.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final ReplicaClient client;
    private final URI uri;

    /// What the ingress serves. `functionTimeout` zero lifts the timeout (debugging);
    /// `acquireTimeout` is how long a request waits for a ready replica before a 503.
    public record Settings(int port, FunctionApp app, FunctionKeys keys, ReplicaPool pool, EventListener events,
                           Clock clock, IntFunction<List<InvocationFinished>> invocations, Duration functionTimeout,
                           Duration acquireTimeout) {}

    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private Ingress(HttpServer server, ExecutorService executor, ReplicaClient client) {
        this.server = server;
        this.executor = executor;
        this.client = client;
        var address = server.getAddress();
        this.uri = URI.create("http://127.0.0.1:" + address.getPort());
    }

    /// Binds and starts serving. A taken port is reported with the fix (`--port`).
    public static Ingress start(Settings settings) throws PortInUseException, IOException {
        // The JDK server writes headers and body separately; with Nagle on, a keep-alive client's delayed
        // ACK holds the body back ~40 ms. The server reads this once, when its first instance is made.
        if (System.getProperty(NODELAY) == null) System.setProperty(NODELAY, "true");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 512);
        } catch (BindException e) {
            throw new PortInUseException(settings.port(), e);
        }
        var json = new ObjectMapper();
        var client = new ReplicaClient();
        var upstream = new Upstream(client, new HandlerPayload(json), settings.app().host().enableForwardingHttpRequest(),
                settings.functionTimeout(), settings.clock());
        var routes = new RouteTable(settings.app());
        var gateway = new FunctionGateway(routes, settings.keys(), settings.pool(), upstream, settings.events(),
                settings.clock(), settings.acquireTimeout());
        var admin = new AdminApi(settings.app(), settings.pool(), settings.invocations(), settings.clock(), json,
                settings.app().host().routePrefix());
        server.createContext("/admin/", admin::handle);
        server.createContext("/", exchange -> {
            try {
                gateway.handle(exchange);
            } catch (IOException | RuntimeException e) {
                log.warn("request {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
                exchange.close();
            }
        });
        // Platform threads, not virtual ones: a request thread spends its life blocked on two loopback
        // sockets, and a virtual thread's park/unpark through the poller added ~0.1 ms a request and cost
        // a fifth of the throughput at 32 connections on a 2-core machine (see docs/decisions/0003).
        var executor = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("ingress-", 0).factory());
        server.setExecutor(executor);
        server.start();
        return new Ingress(server, executor, client);
    }

    /// e.g. http://127.0.0.1:7071
    public URI uri() { return uri; }

    @Override
    public void close() {
        server.stop(0);
        client.close();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
