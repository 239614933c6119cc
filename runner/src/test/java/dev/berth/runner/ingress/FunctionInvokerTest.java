package dev.berth.runner.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.event.InvocationStarted;
import dev.berth.runner.project.Binding;
import dev.berth.runner.project.FunctionDef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/// Non-HTTP invocations through the ingress's dispatch: data and metadata in, outputs and logs out.
class FunctionInvokerTest extends IngressTestBase {
    private final Binding queue = new Binding("queueTrigger", "in", "msg",
            Map.of("type", "queueTrigger", "direction", "in", "name", "msg", "queueName", "orders"));

    @Test
    void invoke_sendsDataAndMetadata_returnsOutputsReturnValueAndLogs() throws Exception {
        var received = new AtomicReference<JsonNode>();
        var replica = replica(ex -> {
            received.set(JSON.readTree(ex.getRequestBody()));
            FakeReplica.reply(ex, 200, "{\"Outputs\":{\"outBlob\":\"saved\"},\"Logs\":[\"working\"],\"ReturnValue\":7}");
        });
        FunctionDef process = function("process", queue);
        var ingress = ingress(app(false, process), replica, Duration.ofSeconds(5));
        var data = JSON.createObjectNode().put("msg", "order 1");
        var metadata = JSON.createObjectNode().put("DequeueCount", 2);

        var result = ingress.invoker().invoke(process, "queueTrigger", data, metadata, "orders: order 1");

        assertThat(received.get().path("Data").path("msg").asText()).isEqualTo("order 1");
        assertThat(received.get().path("Metadata").path("DequeueCount").asInt()).isEqualTo(2);
        assertThat(received.get().path("Metadata").path("sys").path("MethodName").asText()).isEqualTo("process");
        assertThat(result.succeeded()).isTrue();
        assertThat(result.outputs().path("outBlob").asText()).isEqualTo("saved");
        assertThat(result.returnValue().asInt()).isEqualTo(7);
        assertThat(result.logs()).containsExactly("working");
        assertThat(events).filteredOn(InvocationStarted.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((InvocationStarted) e).trigger()).isEqualTo("queueTrigger"));
    }

    @Test
    void invoke_functionFails_isNotSucceededAndSaysWhy() throws Exception {
        var replica = replica(ex -> FakeReplica.reply(ex, 500, "{\"Outputs\":{},\"Logs\":[\"boom\"]}"));
        FunctionDef process = function("process", queue);
        var ingress = ingress(app(false, process), replica, Duration.ofSeconds(5));

        var result = ingress.invoker().invoke(process, "queueTrigger", JSON.createObjectNode().put("msg", "x"),
                JSON.createObjectNode(), "orders: x");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).contains("500");
        assertThat(result.outputs().isEmpty()).isTrue();
    }

    @Test
    void invoke_noReplicaReady_isNotSucceeded() throws Exception {
        var replica = replica(ex -> FakeReplica.reply(ex, 200, "{}"));
        replica.setReady(false);
        FunctionDef process = function("process", queue);
        var ingress = ingress(app(false, process), replica, Duration.ofSeconds(5));

        var result = ingress.invoker().invoke(process, "queueTrigger", JSON.createObjectNode(), JSON.createObjectNode(), "x");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.status()).isEqualTo(503);
    }
}
