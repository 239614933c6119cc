package dev.berth.runner.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.InvocationStarted;
import dev.berth.runner.project.AuthLevel;
import dev.berth.runner.project.Binding;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/// `POST /admin/functions/{name}`: a manual run through the same dispatch as HTTP requests.
class ManualRunTest extends IngressTestBase {

    @Test
    void httpFunction_withWait_runsWithTheDescribedRequestAndReturnsItsAnswer() throws Exception {
        var replica = replica(ex -> {
            JsonNode req = JSON.readTree(ex.getRequestBody()).path("Data").path("req");
            FakeReplica.reply(ex, 200, """
                    {"Outputs":{"res":{"statusCode":200,"body":"%s %s %s %s"}},"Logs":["ran"],"ReturnValue":null}"""
                    .formatted(req.path("Method").asText(), req.path("Params").path("name").asText(),
                            req.path("Query").path("x").asText(), req.path("Body").asText()));
        });
        var ingress = ingress(app(false, http("hello", "hello/{name?}", AuthLevel.FUNCTION)), replica, Duration.ofSeconds(5));

        var response = post(ingress.uri() + "/admin/functions/hello?wait=true",
                "{\"input\": {\"method\": \"put\", \"path\": \"hello/Ada\", \"query\": {\"x\": \"1\"}, \"body\": \"hi\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        var result = JSON.readTree(response.body());
        assertThat(result.path("status").asInt()).isEqualTo(200);
        assertThat(result.path("body").asText()).isEqualTo("PUT Ada 1 hi");
        assertThat(result.path("logs").get(0).asText()).isEqualTo("ran");
        assertThat(events).filteredOn(InvocationStarted.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((InvocationStarted) e).trigger()).isEqualTo(ManualRun.TRIGGER));
    }

    @Test
    void nonHttpFunction_inputGoesToTheTriggerAndOutputsComeBack() throws Exception {
        var received = new AtomicReference<JsonNode>();
        var replica = replica(ex -> {
            received.set(JSON.readTree(ex.getRequestBody()));
            FakeReplica.reply(ex, 200, "{\"Outputs\":{\"out\":\"copied\"},\"Logs\":[],\"ReturnValue\":42}");
        });
        var queue = new Binding("queueTrigger", "in", "msg", Map.of("type", "queueTrigger", "direction", "in",
                "name", "msg", "queueName", "orders"));
        var ingress = ingress(app(false, function("process", queue)), replica, Duration.ofSeconds(5));

        var response = post(ingress.uri() + "/admin/functions/process?wait=true", "{\"input\": {\"order\": 7}}");

        assertThat(received.get().path("Data").path("msg").path("order").asInt()).isEqualTo(7);
        assertThat(received.get().path("Metadata").path("sys").path("MethodName").asText()).isEqualTo("process");
        var body = JSON.readTree(JSON.readTree(response.body()).path("body").asText());
        assertThat(body.path("ReturnValue").asInt()).isEqualTo(42);
        assertThat(body.path("Outputs").path("out").asText()).isEqualTo("copied");
    }

    @Test
    void withoutWait_answers202AndTheRunIsRecordedAfterwards() throws Exception {
        var replica = replica(ex -> FakeReplica.reply(ex, 200, "{\"Outputs\":{},\"Logs\":[],\"ReturnValue\":null}"));
        var queue = new Binding("queueTrigger", "in", "msg", Map.of("type", "queueTrigger", "direction", "in", "name", "msg"));
        var ingress = ingress(app(false, function("process", queue)), replica, Duration.ofSeconds(5));

        var response = post(ingress.uri() + "/admin/functions/process", "{\"input\": \"hello\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.stream().noneMatch(InvocationFinished.class::isInstance) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(events).anyMatch(InvocationFinished.class::isInstance);
    }

    @Test
    void badInputs_answer400Or404NamingTheFix() throws Exception {
        var ingress = ingress(app(false, http("hello", "hello/{name}", AuthLevel.ANONYMOUS)),
                replica(ex -> FakeReplica.reply(ex, 500, "never called")), Duration.ofSeconds(5));

        var notJson = post(ingress.uri() + "/admin/functions/hello", "{input:");
        var notObject = post(ingress.uri() + "/admin/functions/hello", "[1]");
        var wrongPath = post(ingress.uri() + "/admin/functions/hello", "{\"input\": {\"path\": \"bye/x\"}}");
        var unknown = post(ingress.uri() + "/admin/functions/nope", "{}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not JSON").contains("Fix: send {\"input\"");
        assertThat(notObject.body()).contains("must be a JSON object");
        assertThat(wrongPath.statusCode()).isEqualTo(400);
        assertThat(wrongPath.body()).contains("does not match its route 'hello/{name}'");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No function 'nope'").contains("hello");
        assertThat(events).noneMatch(InvocationStarted.class::isInstance);
    }
}
