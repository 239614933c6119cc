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

class IngressTest extends IngressTestBase {

    @Test
    void close_withARequestWaitingOnAReplica_answers503AndRecordsItBeforeReturning() throws Exception {
        var arrived = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var replica = replica(ex -> {
            arrived.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            var ingress = Ingress.start(settings(0, app(true, http("slow", "slow", AuthLevel.ANONYMOUS, "GET")),
                    replica, Duration.ZERO));
            var answer = http.sendAsync(HttpRequest.newBuilder(URI.create(ingress.uri() + "/api/slow")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
            long begun = System.nanoTime();

            ingress.close();

            assertThat(Duration.ofNanos(System.nanoTime() - begun)).isLessThan(Duration.ofSeconds(3));
            assertThat(events).filteredOn(InvocationFinished.class::isInstance).map(InvocationFinished.class::cast)
                    .singleElement().satisfies(done -> {
                        assertThat(done.status()).isEqualTo(503);
                        assertThat(done.error()).contains("Berth is stopping");
                    });
            assertThat(answer.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
            assertThat(replica.failuresReported()).isZero();
        } finally {
            release.countDown();
        }
    }

    @Test
    void close_withARequestWaitingForAReadyReplica_answers503AtOnce() throws Exception {
        var replica = replica(ex -> FakeReplica.reply(ex, 200, "never"));
        replica.setReady(false);
        var settings = settings(0, app(true, http("slow", "slow", AuthLevel.ANONYMOUS, "GET")), replica, Duration.ZERO);
        var ingress = Ingress.start(new Ingress.Settings(settings.port(), settings.app(), settings.keys(), replica,
                settings.events(), settings.clock(), settings.invocations(), settings.functionTimeout(),
                Duration.ofMinutes(1)));
        var answer = http.sendAsync(HttpRequest.newBuilder(URI.create(ingress.uri() + "/api/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitAcquireCalls(replica, 2); // the request is waiting for a replica
        long begun = System.nanoTime();

        ingress.close();

        assertThat(Duration.ofNanos(System.nanoTime() - begun)).isLessThan(Duration.ofSeconds(3));
        assertThat(answer.get(5, TimeUnit.SECONDS)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("Berth is stopping");
        });
    }

    private static void awaitAcquireCalls(FakeReplica replica, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (replica.acquireCalls() < count) {
            assertThat(System.nanoTime()).as("acquire was called in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void containerRemoved_pooledConnectionsToItAreNotReused() throws Exception {
        var replica = replica(ex -> FakeReplica.reply(ex, 200, "ok"));
        var ingress = ingress(app(true, http("hello", "hello", AuthLevel.ANONYMOUS, "GET")), replica, Duration.ofSeconds(5));
        get(ingress.uri() + "/api/hello", Map.of());
        var before = replica.connectionsAccepted();

        replica.announceRemoved();
        get(ingress.uri() + "/api/hello", Map.of());

        assertThat(replica.connectionsAccepted()).isEqualTo(before + 1);
    }

    @Test
    void payloadMode_inputAndOutputBindings_goThroughTheStorageSink() throws Exception {
        var replica = replica(ex -> {
            JsonNode data = JSON.readTree(ex.getRequestBody()).path("Data");
            FakeReplica.reply(ex, 200, "{\"Outputs\":{\"res\":{\"body\":\"price " + data.path("prices").asText()
                    + "\"},\"audit\":\"seen " + data.path("req").path("Params").path("sku").asText() + "\"}}");
        });
        var http = http("price", "price/{sku}", AuthLevel.ANONYMOUS);
        var prices = new Binding("blob", "in", "prices", Map.of("type", "blob", "direction", "in", "name", "prices",
                "path", "prices/{sku}.txt"));
        var price = new FunctionDef(http.name(), http.file(), java.util.stream.Stream.concat(http.bindings().stream(),
                java.util.stream.Stream.of(prices)).toList(), http.httpTrigger());
        var ingress = ingress(app(false, price), replica, Duration.ofSeconds(5));
        var written = new ArrayList<String>();
        ingress.storageBindings(new StorageBindings() {
            @Override public void addInputs(FunctionDef function, com.fasterxml.jackson.databind.node.ObjectNode data,
                                            Map<String, String> bindingData) {
                data.put("prices", bindingData.get("sku") + "=3");
            }

            @Override public void apply(FunctionDef function, JsonNode outputs, Map<String, String> bindingData) {
                written.add(outputs.path("audit").asText());
            }
        });

        var response = get(ingress.uri() + "/api/price/tea", Map.of());

        assertThat(response.body()).isEqualTo("price tea=3");
        assertThat(written).containsExactly("seen tea");
    }

    @Test
    void payloadMode_outputBindingThatCannotBeWritten_failsTheCallWith500() throws Exception {
        var replica = replica(ex -> FakeReplica.reply(ex, 200, "{\"Outputs\":{\"res\":{\"body\":\"ok\"},\"audit\":\"x\"}}"));
        var ingress = ingress(app(false, http("price", "price", AuthLevel.ANONYMOUS)), replica, Duration.ofSeconds(5));
        ingress.storageBindings(new StorageBindings() {
            @Override public void addInputs(FunctionDef function, com.fasterxml.jackson.databind.node.ObjectNode data,
                                            Map<String, String> bindingData) { }

            @Override public void apply(FunctionDef function, JsonNode outputs, Map<String, String> bindingData) {
                throw new IllegalArgumentException("queue name 'Bad' is not allowed");
            }
        });

        var response = get(ingress.uri() + "/api/price", Map.of());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("output bindings could not be written").contains("'Bad'");
    }

    @Test
    void routing_literalRouteDeclaredAfterParameterRoute_stillWins() throws Exception {
        var replica = replica(ex -> FakeReplica.reply(ex, 200, ex.getRequestURI().toString()));
        var ingress = ingress(app(true, http("byid", "items/{id}", AuthLevel.ANONYMOUS),
                http("newest", "items/new", AuthLevel.ANONYMOUS)), replica, Duration.ofSeconds(5));

        get(ingress.uri() + "/api/items/new", Map.of());
        get(ingress.uri() + "/api/items/42", Map.of());

        var functions = events.stream().filter(e -> e instanceof InvocationStarted)
                .map(e -> ((InvocationStarted) e).function()).toList();
        assertThat(functions).containsExactly("newest", "byid");
    }

    @Test
    void forwarding_request_reachesReplicaUnchangedAndIsRecorded() throws Exception {
        var replica = replica(ex -> FakeReplica.reply(ex, 200, ex.getRequestMethod() + " " + ex.getRequestURI()));
        var ingress = ingress(app(true, http("hello", "hello/{name?}", AuthLevel.ANONYMOUS)), replica, Duration.ofSeconds(5));

        var response = get(ingress.uri() + "/api/hello/Ada?x=1", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("GET /api/hello/Ada?x=1");
        assertThat(events).filteredOn(InvocationStarted.class::isInstance).singleElement()
                .extracting(e -> ((InvocationStarted) e).function()).isEqualTo("hello");
        var finished = (InvocationFinished) events.stream().filter(InvocationFinished.class::isInstance).findFirst().orElseThrow();
        assertThat(finished.status()).isEqualTo(200);
        assertThat(finished.replicaId()).isEqualTo("r1");
        assertThat(finished.request()).startsWith("GET /api/hello/Ada?x=1");
        assertThat(finished.response()).startsWith("200").contains("GET /api/hello/Ada?x=1");
    }

    @Test
    void payloadMode_routeParamsAndLogs_travelInTheCustomHandlerProtocol() throws Exception {
        var replica = replica(ex -> {
            JsonNode payload = JSON.readTree(ex.getRequestBody());
            var name = payload.path("Data").path("req").path("Params").path("name").asText();
            assertThat(ex.getRequestURI().getPath()).isEqualTo("/hello");
            FakeReplica.reply(ex, 200, """
                    {"Outputs":{"res":{"statusCode":201,"body":"Hi %s","headers":{"X-Greeting":"yes"}}},
                     "Logs":["greeted %s"],"ReturnValue":null}""".formatted(name, name));
        });
        var ingress = ingress(app(false, http("hello", "hello/{name}", AuthLevel.ANONYMOUS)), replica, Duration.ofSeconds(5));

        var response = get(ingress.uri() + "/api/hello/Grace", Map.of());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("Hi Grace");
        assertThat(response.headers().firstValue("X-Greeting")).contains("yes");
        assertThat(events).filteredOn(LogLine.class::isInstance)
                .extracting(e -> ((LogLine) e).text()).containsExactly("greeted Grace");
    }

    @Test
    void payloadMode_handlerAnswersNonJson_gives502NamingTheProtocol() throws Exception {
        var replica = replica(ex -> FakeReplica.reply(ex, 200, "not json"));
        var ingress = ingress(app(false, http("hello", "hello", AuthLevel.ANONYMOUS)), replica, Duration.ofSeconds(5));

        var response = get(ingress.uri() + "/api/hello", Map.of());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("Outputs");
        // The replica answered; the function's answer was wrong. That is no reason to re-check the replica.
        assertThat(replica.failuresReported()).isZero();
    }

    @Test
    void unknownRoute_gives404PointingToTheFunctionList() throws Exception {
        var ingress = ingress(app(true, http("hello", "hello", AuthLevel.ANONYMOUS)), replica(ex -> FakeReplica.reply(ex, 200, "")), Duration.ofSeconds(5));

        var response = get(ingress.uri() + "/api/nope", Map.of());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("/admin/functions");
    }

    @Test
    void methodNotInFunctionJson_gives405NamingTheAllowedMethods() throws Exception {
        var ingress = ingress(app(true, http("hello", "hello", AuthLevel.ANONYMOUS, "GET")), replica(ex -> FakeReplica.reply(ex, 200, "")), Duration.ofSeconds(5));

        var response = http.send(HttpRequest.newBuilder(URI.create(ingress.uri() + "/api/hello"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("GET").contains("DELETE");
    }

    @Test
    void functionAuthLevel_keyInHeaderOrCode_isRequired() throws Exception {
        var ingress = ingress(app(true, http("secure", "secure", AuthLevel.FUNCTION), http("admin", "admin", AuthLevel.ADMIN)),
                replica(ex -> FakeReplica.reply(ex, 200, "in")), Duration.ofSeconds(5));
        var keys = FunctionKeys.load(dir.resolve(".berth")).all();

        assertThat(get(ingress.uri() + "/api/secure", Map.of()).statusCode()).isEqualTo(401);
        assertThat(get(ingress.uri() + "/api/secure", Map.of()).body()).contains("x-functions-key").contains("code");
        assertThat(get(ingress.uri() + "/api/secure", Map.of("x-functions-key", "wrong")).statusCode()).isEqualTo(401);
        assertThat(get(ingress.uri() + "/api/secure", Map.of("x-functions-key", keys.get("default"))).statusCode()).isEqualTo(200);
        assertThat(get(ingress.uri() + "/api/secure?code=" + keys.get("default"), Map.of()).statusCode()).isEqualTo(200);
        assertThat(get(ingress.uri() + "/api/admin", Map.of("x-functions-key", keys.get("default"))).statusCode()).isEqualTo(401);
        assertThat(get(ingress.uri() + "/api/admin", Map.of("x-functions-key", keys.get("master"))).statusCode()).isEqualTo(200);
    }

    @Test
    void replicaSlowerThanFunctionTimeout_gives504NamingTheSetting() throws Exception {
        var release = new CountDownLatch(1);
        var replica = replica(ex -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FakeReplica.reply(ex, 200, "late");
        });
        var ingress = ingress(app(true, http("slow", "slow", AuthLevel.ANONYMOUS)), replica, Duration.ofMillis(300));
        try {
            var response = get(ingress.uri() + "/api/slow", Map.of());

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(response.body()).contains("functionTimeout");
        } finally {
            release.countDown();
        }
    }

    @Test
    void noReadyReplica_gives503InsteadOfHanging() throws Exception {
        var replica = replica(ex -> FakeReplica.reply(ex, 200, ""));
        replica.setReady(false);
        var ingress = ingress(app(true, http("hello", "hello", AuthLevel.ANONYMOUS)), replica, Duration.ofSeconds(5));

        var response = get(ingress.uri() + "/api/hello", Map.of());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("ready");
    }

    @Test
    void adminApi_reportsHostFunctionsReplicasAndInvocations() throws Exception {
        var replica = replica(ex -> FakeReplica.reply(ex, 200, "ok"));
        var ingress = ingress(app(true, http("hello", "hello/{name?}", AuthLevel.FUNCTION, "GET", "POST")), replica, Duration.ofSeconds(5));

        var status = JSON.readTree(get(ingress.uri() + "/admin/host/status", Map.of()).body());
        var functions = JSON.readTree(get(ingress.uri() + "/admin/functions", Map.of()).body());
        var replicas = JSON.readTree(get(ingress.uri() + "/admin/berth/replicas", Map.of()).body());
        var invocations = JSON.readTree(get(ingress.uri() + "/admin/berth/invocations?last=5", Map.of()).body());

        assertThat(status.path("state").asText()).isEqualTo("Running");
        assertThat(functions.get(0).path("name").asText()).isEqualTo("hello");
        assertThat(functions.get(0).path("invoke_url_template").asText()).isEqualTo("/api/hello/{name?}");
        assertThat(functions.get(0).path("authLevel").asText()).isEqualTo("function");
        assertThat(replicas.get(0).path("state").asText()).isEqualTo("READY");
        assertThat(invocations.isArray()).isTrue();
        assertThat(get(ingress.uri() + "/admin/berth/invocations?last=zero", Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void portAlreadyTaken_failsWithMessageSuggestingPortOption() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var app = app(true, http("hello", "hello", AuthLevel.ANONYMOUS));
            var replica = replica(ex -> FakeReplica.reply(ex, 200, ""));

            assertThatThrownBy(() -> Ingress.start(settings(taken.getLocalPort(), app, replica, Duration.ofSeconds(1))))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()))
                    .hasMessageContaining("--port");
        }
    }
}
