package dev.berth.runner.ingress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import dev.berth.runner.event.EventListener;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.FunctionKeys;
import dev.berth.runner.replica.ReplicaPool;
import dev.berth.runner.revision.RequestLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/// The HTTP front door of a running project on 127.0.0.1: function routes under the route prefix, and
/// the admin API under `/admin/`. One platform thread per connection (see `LoopbackServer`). Thread-safe; close to stop serving.
public final class Ingress implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Ingress.class);

    private final LoopbackServer server;
    private final ReplicaClient client;
    private final FunctionGateway gateway;
    private final FunctionInvoker invoker;
    private final Mounts mounts;
    private final AdminApi admin;
    private final URI uri;

    /// Where the project's Event Grid topics are served (`/eventgrid/topics/{topic}/api/events`).
    public static final String EVENT_GRID = "/eventgrid/";
    /// Where the Durable Functions HTTP management API is served (`/runtime/webhooks/durabletask/…`).
    public static final String DURABLE = "/runtime/webhooks/durabletask/";
    /// Where the jobs admin API is served (`/admin/berth/jobs…`, see `dev.berth.runner.job.JobHttpApi`).
    public static final String JOBS = "/admin/berth/jobs";
    /// Where the revision and traffic admin endpoints are served (see `RevisionAdminApi`).
    public static final String REVISIONS = dev.berth.runner.revision.RevisionAdminApi.REVISIONS;
    public static final String TRAFFIC = dev.berth.runner.revision.RevisionAdminApi.TRAFFIC;

    /// What the ingress serves. `functionTimeout` zero lifts the timeout (debugging);
    /// `acquireTimeout` is how long a request waits for a ready replica before a 503.
    public record Settings(int port, FunctionApp app, FunctionKeys keys, ReplicaPool pool, EventListener events,
                           Clock clock, IntFunction<List<InvocationFinished>> invocations, Duration functionTimeout,
                           Duration acquireTimeout) {}

    private Ingress(LoopbackServer server, ReplicaClient client, FunctionGateway gateway, FunctionInvoker invoker,
                    Mounts mounts, AdminApi admin) {
        this.admin = admin;
        this.server = server;
        this.client = client;
        this.gateway = gateway;
        this.invoker = invoker;
        this.mounts = mounts;
        this.uri = URI.create("http://127.0.0.1:" + server.port());
    }

    /// Binds and starts serving. A taken port is reported with the fix (`--port`).
    public static Ingress start(Settings settings) throws PortInUseException, IOException {
        var json = new ObjectMapper();
        var client = new ReplicaClient();
        // A removed container's port may go to a new one: its pooled connections must not be reused.
        settings.pool().onContainerRemoved(client::evict);
        var upstream = new Upstream(client, new HandlerPayload(json), settings.app().host().enableForwardingHttpRequest(),
                settings.functionTimeout(), settings.clock());
        var routes = new RouteTable(settings.app());
        var gateway = new FunctionGateway(routes, settings.keys(), settings.pool(), upstream, settings.events(),
                settings.clock(), settings.acquireTimeout());
        var prefix = settings.app().host().routePrefix();
        var admin = new AdminApi(settings.app(), settings.pool(), settings.invocations(), settings.clock(), json,
                prefix, new ManualRun(gateway, json, prefix));
        HttpHandler functions = exchange -> {
            try {
                // The traffic label the request names, for the revision router (see RequestLabel).
                var label = RequestLabel.of(exchange.getRequestHeaders().getFirst(RequestLabel.HEADER),
                        exchange.getRequestHeaders().getFirst("Host"), settings.app().containerApp().name()).orElse("");
                ScopedValue.where(RequestLabel.CURRENT, label).call(() -> {
                    gateway.handle(exchange);
                    return null;
                });
            } catch (IOException | RuntimeException e) {
                log.warn("request {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
                exchange.close();
            }
        };
        try {
            var mounts = new Mounts();
            var server = LoopbackServer.start(settings.port(), List.of(
                    new LoopbackServer.Route(REVISIONS, exchange -> mounts.handle(REVISIONS, exchange)),
                    new LoopbackServer.Route(TRAFFIC, exchange -> mounts.handle(TRAFFIC, exchange)),
                    new LoopbackServer.Route("/admin/", admin::handle),
                    new LoopbackServer.Route(EVENT_GRID, exchange -> mounts.handle(EVENT_GRID, exchange)),
                    new LoopbackServer.Route(DURABLE, exchange -> mounts.handle(DURABLE, exchange)),
                    new LoopbackServer.Route(JOBS, exchange -> mounts.handle(JOBS, exchange)),
                    new LoopbackServer.Route("/", functions)));
            return new Ingress(server, client, gateway, new FunctionInvoker(gateway, json), mounts, admin);
        } catch (BindException e) {
            client.close();
            throw new PortInUseException(settings.port(), e);
        }
    }

    /// e.g. http://127.0.0.1:7071
    public URI uri() { return uri; }

    /// Runs non-HTTP triggers through the same dispatch as this ingress's requests.
    public FunctionInvoker invoker() { return invoker; }

    /// Serves `handler` at a mount point known at start ([#EVENT_GRID], [#DURABLE]); parts that need this ingress's
    /// invoker are built after it, hence mounted later.
    public void mount(String prefix, HttpHandler handler) { mounts.put(prefix, handler); }

    /// The requests in flight and held, which the autoscaler samples.
    public dev.berth.runner.scale.RequestGauge requestGauge() { return gateway.gauge(); }

    /// With an autoscaler that may scale to zero: a request that finds no replica starting or ready is held
    /// up to `holdDeadline` (then 503 saying so), and `GET /admin/berth/scale` lists `decisions`.
    public void autoscaled(Duration holdDeadline,
                           java.util.function.Supplier<List<dev.berth.runner.event.ScaleDecision>> decisions) {
        gateway.holdFromZero(holdDeadline);
        admin.scaleDecisions(decisions);
    }

    /// Where HTTP-triggered functions' queue, blob and event outputs are written.
    public void storageBindings(StorageBindings bindings) { gateway.storageBindings(bindings); }

    /// Handlers mounted after start; a mount point with none answers 404 saying so.
    private static final class Mounts {
        private final java.util.Map<String, HttpHandler> handlers = new java.util.concurrent.ConcurrentHashMap<>();

        void put(String prefix, HttpHandler handler) {
            if (!java.util.Set.of(EVENT_GRID, DURABLE, JOBS, REVISIONS, TRAFFIC).contains(prefix)) throw new IllegalArgumentException("no mount point " + prefix);
            handlers.put(prefix, handler);
        }

        void handle(String prefix, com.sun.net.httpserver.HttpExchange exchange) throws IOException {
            var handler = handlers.get(prefix);
            if (handler == null) Exchanges.text(exchange, 404, "Nothing is served under " + prefix + " yet.");
            else handler.handle(exchange);
        }
    }

    /// Stops in an order that lets requests in flight end with an answer and a record: no new
    /// connections; requests still waiting for a ready replica stop waiting; then the replica client cuts
    /// off the requests waiting on replicas (a blocked socket read on a platform thread only ends when its
    /// socket closes); all of these answer 503 "Berth is stopping";
    /// then the server waits for those answers and drops what is left. So every InvocationFinished of this
    /// ingress is published before `close` returns.
    @Override
    public void close() {
        server.stopAccepting();
        gateway.stop();
        client.close();
        server.close();
    }
}
