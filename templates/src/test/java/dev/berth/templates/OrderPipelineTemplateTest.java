package dev.berth.templates;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.berth.templates.HandlerProcess.JSON;
import static dev.berth.templates.TriggerTemplateContract.ORDER;
import static dev.berth.templates.TriggerTemplateContract.logs;
import static org.assertj.core.api.Assertions.assertThat;

/// The order-pipeline sample as one running process, driven step by step as Berth drives it: each
/// step's output binding becomes the next step's trigger data. One instance, one process; not thread-safe.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderPipelineTemplateTest {
    private HandlerProcess handler;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        var project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find("order-pipeline").orElseThrow(),
                dir.resolve("shop"), "shop");
        handler = HandlerProcess.start(List.of("python3", "-u", "handler.py"), project, Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (handler != null) handler.close();
    }

    @Test
    void pipeline_orderPostedThenQueuedThenReceiptCreated_eachStepFeedsTheNext() throws Exception {
        var posted = handler.invoke("orders", 200, Map.of("req", post(JSON.writeValueAsString(ORDER))), Map.of());
        assertThat(posted.at("/Outputs/res/statusCode").asInt()).isEqualTo(202);
        assertThat(JSON.readTree(posted.at("/Outputs/res/body").asText()).path("queued").asText()).isEqualTo("42");
        assertThat(logs(posted)).containsExactly("order 42 queued");

        var message = JSON.treeToValue(posted.at("/Outputs/order"), Object.class);
        var processed = handler.invoke("process", 200, Map.of("order", message),
                Map.of("Id", "m-1", "DequeueCount", 1));
        assertThat(logs(processed)).containsExactly("order 42: total 7.00");
        var receipt = processed.at("/Outputs/receipt").asText();
        assertThat(JSON.readTree(receipt).path("total").asDouble()).isEqualTo(7.0);

        var size = receipt.getBytes(StandardCharsets.UTF_8).length;
        var notified = handler.invoke("notify", 200, Map.of("event", blobCreated("r-1.json", size)), Map.of());
        assertThat(logs(notified)).containsExactly("receipt r-1.json (" + size + " bytes)");
    }

    @Test
    void orders_orderWithoutLines_answers400AndQueuesNothing() throws Exception {
        for (var body : List.of("{\"id\": \"7\"}", "not json")) {
            var answer = handler.invoke("orders", 200, Map.of("req", post(body)), Map.of());

            assertThat(answer.at("/Outputs/res/statusCode").asInt()).as(body).isEqualTo(400);
            assertThat(answer.at("/Outputs/res/body").asText()).as(body).contains("\"lines\"");
            assertThat(answer.path("Outputs").has("order")).as(body).isFalse();
        }
    }

    @Test
    void orders_postedDirectlyUnderTheRoutePrefix_isAccepted() throws Exception {
        var response = handler.post("/api/orders", JSON.writeValueAsString(ORDER));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).path("queued").asText()).isEqualTo("42");
    }

    private static Map<String, Object> post(String body) {
        return Map.of("Url", "http://localhost/api/orders", "Method", "POST", "Query", Map.of(),
                "Headers", Map.of("Content-Type", List.of("application/json")), "Params", Map.of(), "Body", body);
    }

    /// The event the embedded blob store raises for a new receipt, in the Event Grid schema.
    private static Map<String, Object> blobCreated(String name, int size) {
        return Map.of("id", "e-1", "topic", "/berth/storage", "eventType", "Microsoft.Storage.BlobCreated",
                "subject", "/blobServices/default/containers/receipts/blobs/" + name,
                "eventTime", "2026-11-21T22:00:01Z", "dataVersion", "1.0",
                "data", Map.of("api", "PutBlob", "contentType", "application/json", "contentLength", size,
                        "blobType", "BlockBlob", "url", "http://127.0.0.1:7071/blobs/receipts/" + name));
    }
}
