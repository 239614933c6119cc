package dev.berth.runner.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.InvocationStarted;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.project.AuthLevel;
import dev.berth.runner.project.Binding;
import dev.berth.runner.project.ContainerAppSpec;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.FunctionDef;
import dev.berth.runner.project.FunctionKeys;
import dev.berth.runner.project.HostConfig;
import dev.berth.runner.project.HttpTrigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// What the ingress tests share: a project folder, the events the ingress emitted, fake replicas, and
/// an ingress started over them; everything opened is closed after each test.
abstract class IngressTestBase {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    final List<RunnerEvent> events = Collections.synchronizedList(new ArrayList<>());
    final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (var c : open.reversed()) c.close();
    }

    FakeReplica replica(FakeReplica.Handler handler) throws IOException {
        var replica = new FakeReplica(handler);
        open.add(replica);
        return replica;
    }

    Ingress ingress(FunctionApp app, FakeReplica replica, Duration timeout) throws IOException {
        var ingress = Ingress.start(settings(0, app, replica, timeout));
        open.add(ingress);
        return ingress;
    }

    Ingress.Settings settings(int port, FunctionApp app, FakeReplica replica, Duration timeout) throws IOException {
        return new Ingress.Settings(port, app, FunctionKeys.load(dir.resolve(".berth")), replica, events::add,
                Clock.systemUTC(), last -> List.of(), timeout, Duration.ofMillis(200));
    }

    HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    FunctionApp app(boolean forwarding, FunctionDef... functions) {
        var host = new HostConfig("2.0", Optional.of(Duration.ofMinutes(5)), forwarding, "api", "python3");
        var spec = new ContainerAppSpec("demo", 8080, 1, 1, 0.5, 1L << 30, Map.of(), Optional.empty());
        return new FunctionApp(dir, host, List.of(functions), Map.of(), spec, List.of());
    }

    FunctionDef http(String name, String route, AuthLevel level, String... methods) {
        var trigger = new Binding("httpTrigger", "in", "req", Map.of("type", "httpTrigger", "direction", "in", "name", "req"));
        var out = new Binding("http", "out", "res", Map.of("type", "http", "direction", "out", "name", "res"));
        return new FunctionDef(name, dir.resolve(name).resolve("function.json"), List.of(trigger, out),
                Optional.of(new HttpTrigger(route, Set.of(methods), level)));
    }

    HttpResponse<String> post(String url, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    FunctionDef function(String name, Binding... bindings) {
        return new FunctionDef(name, dir.resolve(name).resolve("function.json"), List.of(bindings), Optional.empty());
    }
}
