package berth.functions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/// Serves the app's functions over the Azure Functions custom-handler protocol on the JDK's built-in
/// HTTP server, one virtual thread per request:
/// - `GET /healthz`: 200 once the host is up (the readiness probe);
/// - `POST /<function>`: one invocation payload in, the `Outputs`/`Logs` answer out;
/// - `/<routePrefix>/<route>`: the HTTP functions called directly, for hosts that forward plain
///   requests (`enableForwardingHttpRequest`) or run the container without a Functions host.
///
/// HTTP functions are registered with `register`, all other triggers (timer, queue, blob, Event Grid)
/// with `registerTrigger`; the trigger and output bindings come from `<function>/function.json`.
///
/// Register functions before `start`; after that the host is thread-safe.
public final class FunctionHost implements AutoCloseable {
    private final Path root;
    private final String routePrefix;
    private final Map<String, Endpoint> functions = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    private FunctionHost(Path root) {
        this.root = root;
        this.routePrefix = routePrefix(root);
    }

    /// A host for the app in the working directory (where host.json and the function folders live).
    public static FunctionHost create() { return new FunctionHost(Path.of("").toAbsolutePath()); }

    /// Registers `function` under `name`, the folder name of its function.json.
    public FunctionHost register(String name, HttpFunction function) {
        functions.put(name, new HttpEndpoint(name, function, FunctionSpec.read(root, name)));
        return this;
    }

    /// Registers a timer, queue, blob or Event Grid function under `name`, the folder name of its
    /// function.json, which names its trigger and output bindings.
    public FunctionHost registerTrigger(String name, TriggerFunction function) {
        functions.put(name, new TriggerEndpoint(name, function, FunctionSpec.read(root, name)));
        return this;
    }

    /// Starts on `$FUNCTIONS_CUSTOMHANDLER_PORT` (8080 when unset) on all interfaces.
    public FunctionHost start() throws IOException {
        var port = System.getenv().getOrDefault("FUNCTIONS_CUSTOMHANDLER_PORT", "8080");
        try {
            return start(Integer.parseInt(port.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("FUNCTIONS_CUSTOMHANDLER_PORT is '" + port + "', not a port number");
        }
    }

    public FunctionHost start(int port) throws IOException {
        // Headers and body go out in two writes; without TCP_NODELAY a keep-alive caller waits ~40 ms
        // for its delayed ACK. The JDK server reads the property once, when the first server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        server.start();
        System.out.println("berth.functions: serving " + functions.keySet() + " on port " + port());
        return this;
    }

    public int port() { return server.getAddress().getPort(); }

    @Override
    public void close() {
        if (server != null) server.stop(0);
        if (executor != null) executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        var started = System.nanoTime();
        try (exchange) {
            int status;
            try {
                status = dispatch(exchange);
            } catch (RuntimeException e) {
                status = send(exchange, Response.text(500, "berth.functions: " + e));
            }
            // One println per line: concurrent requests then never interleave inside a line.
            System.out.println(String.format("%s %s %d %.1fms", exchange.getRequestMethod(),
                    exchange.getRequestURI(), status, (System.nanoTime() - started) / 1e6));
        }
    }

    private int dispatch(HttpExchange exchange) throws IOException {
        var method = exchange.getRequestMethod();
        var path = exchange.getRequestURI().getRawPath();
        var prefix = routePrefix.isEmpty() ? "" : "/" + routePrefix;
        if (method.equals("GET") && path.equals("/healthz")) {
            return send(exchange, Response.text("ok"));
        }
        if (path.startsWith(prefix + "/") && !(prefix.isEmpty() && method.equals("POST"))) {
            return direct(exchange, path.substring(prefix.length()));
        }
        if (method.equals("POST")) return invoke(exchange, path.replaceAll("^/+|/+$", ""));
        return send(exchange, Response.text(404, "not found: " + path));
    }

    private int invoke(HttpExchange exchange, String name) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            var function = functions.get(name);
            if (function == null) {
                throw new Endpoint.Refused(404, "no function '" + name + "' is registered; known: "
                        + functions.keySet());
            }
            Object payload;
            try {
                payload = Json.parse(body);
            } catch (IllegalArgumentException e) {
                throw new Endpoint.Refused(400, "invocation payload is not valid JSON: " + e.getMessage());
            }
            if (!(payload instanceof Map<?, ?> map) || !(map.get("Data") instanceof Map<?, ?> data)) {
                throw new Endpoint.Refused(400, "invocation payload must be a JSON object with a \"Data\" object");
            }
            var answer = function.invoke(data, metadata(map.get("Metadata")));
            return send(exchange, Response.json(answer.status(), answer.body()));
        } catch (Endpoint.Refused e) {
            return send(exchange, Response.json(e.status, Endpoint.answer(Map.of(), List.of(e.getMessage()), null)));
        }
    }

    private static Map<String, Object> metadata(Object value) {
        var result = new LinkedHashMap<String, Object>();
        if (value instanceof Map<?, ?> map) map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    private int direct(HttpExchange exchange, String path) throws IOException {
        for (var endpoint : functions.values()) {
            if (!(endpoint instanceof HttpEndpoint function)) continue;
            var params = function.match(path);
            if (params.isEmpty()) continue;
            if (!function.accepts(exchange.getRequestMethod())) {
                return send(exchange, Response.text(405, "function '" + function.name() + "' accepts "
                        + function.methods() + ", not " + exchange.getRequestMethod()));
            }
            var decoded = new LinkedHashMap<String, String>();
            params.get().forEach((k, v) -> decoded.put(k, URLDecoder.decode(v, StandardCharsets.UTF_8)));
            var headers = new LinkedHashMap<String, String>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(", ", v)));
            var request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), decoded,
                    query(exchange.getRequestURI().getRawQuery()), headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            var outcome = function.call(request);
            outcome.logs().forEach(System.out::println);
            return send(exchange, outcome.response());
        }
        return send(exchange, Response.text(404, "no function matches " + path));
    }

    private static int send(HttpExchange exchange, Response response) throws IOException {
        var bytes = response.body().getBytes(StandardCharsets.UTF_8);
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean empty = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), empty ? -1 : bytes.length);
        if (!empty) exchange.getResponseBody().write(bytes);
        return response.status();
    }

    private static Map<String, String> query(String raw) {
        var result = new LinkedHashMap<String, String>();
        if (raw == null || raw.isEmpty()) return result;
        for (var pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            var key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            result.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return result;
    }

    private static String routePrefix(Path root) {
        if (FunctionSpec.appFile(root, "host.json").orElse(null) instanceof Map<?, ?> host
                && host.get("extensions") instanceof Map<?, ?> ext
                && ext.get("http") instanceof Map<?, ?> http && http.get("routePrefix") instanceof String p) {
            return p.replaceAll("^/+|/+$", "");
        }
        return "api";
    }
}
