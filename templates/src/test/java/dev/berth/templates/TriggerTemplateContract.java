package dev.berth.templates;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.berth.templates.HandlerProcess.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/// The behaviour every timer, queue, blob and Event Grid template keeps, checked against its scaffolded app
/// running as a real process and called with the invocation payloads Berth sends for each trigger kind.
/// Each subclass says how its language starts an app; JUnit runs these tests once per subclass. One
/// instance per class: each app starts once, on first use, and the tests (run one at a time) share it;
/// not thread-safe.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TriggerTemplateContract {
    static final Map<String, Object> ORDER = Map.of("id", "42",
            "lines", List.of(Map.of("sku", "tea", "price", 3.5, "quantity", 2)));

    /// The class's scratch folder.
    Path dir;
    private final Map<String, HandlerProcess> handlers = new HashMap<>();

    /// The language part of the template ids (`timer-<language>`).
    abstract String language();

    /// Starts the handler of the scaffolded app in `project` as its Dockerfile does.
    abstract HandlerProcess startHandler(Path project) throws Exception;

    /// Adds to `project` the code of two more functions, whose function.json files are already there, and
    /// starts a handler serving them: `echo` logs "id <Metadata.Id>, method <Metadata.sys.MethodName>, extra
    /// <input extra>" and returns `{"got": <its trigger>}`; `stray` sets the output `nowhere`, which its
    /// function.json does not declare.
    abstract HandlerProcess startProbeHandler(Path project) throws Exception;

    @BeforeAll
    void scratch(@TempDir Path tempDir) { dir = tempDir; }

    @AfterAll
    void stop() throws Exception {
        for (var handler : handlers.values()) handler.close();
    }

    @Test
    void timer_pastDueRun_logsThatItIsPastDue() throws Exception {
        var answer = app("timer").invoke("tick", 200, Map.of("timer", timerInfo(true)), Map.of());

        assertThat(logs(answer)).containsExactly("tick; past due: yes");
        assertThat(answer.path("Outputs").isEmpty()).isTrue();
        assertThat(answer.path("ReturnValue").isNull()).isTrue();
    }

    @Test
    void timer_infoSentAsJsonText_reachesTheFunctionAsAnObject() throws Exception {
        var answer = app("timer").invoke("tick", 200,
                Map.of("timer", JSON.writeValueAsString(timerInfo(false))), Map.of());

        assertThat(logs(answer)).containsExactly("tick; past due: no");
    }

    @Test
    void queue_orderMessage_writesAReceiptBlobAndLogsTheDequeueCount() throws Exception {
        var answer = app("queue").invoke("process", 200, Map.of("order", ORDER), queueMetadata(3));

        assertThat(logs(answer)).containsExactly("order 42: total 7.00 (attempt 3)");
        var receipt = JSON.readTree(answer.at("/Outputs/receipt").asText());
        assertThat(receipt.path("order").asText()).isEqualTo("42");
        assertThat(receipt.path("total").asDouble()).isEqualTo(7.0);
        assertThat(answer.path("Outputs").size()).isEqualTo(1);
    }

    @Test
    void queue_messageSentAsJsonText_isParsedBeforeTheFunctionSeesIt() throws Exception {
        var answer = app("queue").invoke("process", 200, Map.of("order", JSON.writeValueAsString(ORDER)),
                queueMetadata(1));

        assertThat(logs(answer)).containsExactly("order 42: total 7.00 (attempt 1)");
    }

    @Test
    void queue_functionThatFails_answers500WithTheErrorInLogsAndNoOutputs() throws Exception {
        var answer = app("queue").invoke("process", 500, Map.of("order", Map.of("id", "43")), queueMetadata(5));

        assertThat(logs(answer)).first().asString().startsWith("Function 'process' failed: ");
        assertThat(logs(answer)).hasSizeGreaterThan(1); // the stack trace follows
        assertThat(answer.path("Outputs").isEmpty()).isTrue();
        assertThat(answer.path("ReturnValue").isNull()).isTrue();
    }

    @Test
    void queue_payloadWithoutTheTriggerBinding_answers400NamingIt() throws Exception {
        var answer = app("queue").invoke("process", 400, Map.of("first", 1, "second", 2), Map.of());

        assertThat(logs(answer)).singleElement().asString().contains("queueTrigger").contains("Data.order");
    }

    @Test
    void blob_content_isLoggedWithNameAndSizeAndQueuedForAThumbnail() throws Exception {
        var answer = app("blob").invoke("uploaded", 200, Map.of("image", "café au lait"), blobMetadata("cat.png"));

        assertThat(logs(answer)).containsExactly("image cat.png: 13 bytes");
        assertThat(answer.at("/Outputs/thumbnail/image").asText()).isEqualTo("cat.png");
        assertThat(answer.at("/Outputs/thumbnail/bytes").asInt()).isEqualTo(13);
    }

    @Test
    void blob_contentThatLooksLikeJson_staysText() throws Exception {
        var answer = app("blob").invoke("uploaded", 200, Map.of("image", "{\"a\": 1}"), blobMetadata("a.json"));

        assertThat(logs(answer)).containsExactly("image a.json: 8 bytes");
    }

    @Test
    void eventGrid_event_logsItsTypeAndSubject() throws Exception {
        var event = Map.of("id", "e-1", "topic", "/berth/topics/local", "subject", "orders/42",
                "eventType", "Orders.OrderShipped", "eventTime", "2026-11-21T22:00:00Z",
                "data", Map.of("carrier", "post"), "dataVersion", "1.0");

        var answer = app("eventgrid").invoke("log_event", 200, Map.of("event", event), Map.of());

        assertThat(logs(answer)).containsExactly("Orders.OrderShipped on orders/42");
    }

    @Test
    void invocation_metadataAndOtherInputsReachTheFunction_andItsReturnValueComesBack() throws Exception {
        var answer = probe().invoke("echo", 200, Map.of("msg", "{\"n\": 1}", "extra", "hello"),
                Map.of("Id", "m-1", "DequeueCount", 1));

        assertThat(logs(answer)).containsExactly("id m-1, method echo, extra hello");
        assertThat(answer.at("/ReturnValue/got/n").asInt()).isEqualTo(1);
    }

    @Test
    void invocation_outputNotDeclaredInFunctionJson_failsNamingTheOutputAndTheFile() throws Exception {
        var answer = probe().invoke("stray", 500, Map.of("msg", "x"), Map.of());

        assertThat(logs(answer)).first().asString().startsWith("Function 'stray' failed: ")
                .contains("output nowhere is not declared").contains("stray/function.json");
        assertThat(answer.path("Outputs").isEmpty()).isTrue();
    }

    /// The running app of template `<kind>-<language>`, scaffolded and started on first use.
    private HandlerProcess app(String kind) throws Exception {
        var id = kind + "-" + language();
        if (!handlers.containsKey(id)) handlers.put(id, startHandler(scaffold(id, id)));
        return handlers.get(id);
    }

    /// The queue app with the function.json files of `echo` and `stray` added, serving them.
    private HandlerProcess probe() throws Exception {
        if (!handlers.containsKey("probe")) {
            var project = scaffold("queue-" + language(), "probe");
            var trigger = Map.of("type", "queueTrigger", "direction", "in", "name", "msg", "queueName", "probe");
            writeBindings(project.resolve("echo"), List.of(trigger,
                    Map.of("type", "blob", "direction", "in", "name", "extra", "path", "extra/{queueTrigger}"),
                    Map.of("type", "queue", "direction", "out", "name", "$return", "queueName", "echoes")));
            writeBindings(project.resolve("stray"), List.of(trigger));
            handlers.put("probe", startProbeHandler(project));
        }
        return handlers.get("probe");
    }

    private Path scaffold(String id, String folder) throws IOException {
        return new Scaffolder().scaffold(TemplateCatalog.builtIn().find(id).orElseThrow(), dir.resolve(folder),
                "trigger-app");
    }

    private static void writeBindings(Path functionDir, List<Map<String, String>> bindings) throws IOException {
        Files.createDirectories(functionDir);
        JSON.writeValue(functionDir.resolve("function.json").toFile(), Map.of("bindings", bindings));
    }

    /// The timer info as Berth sends it.
    private static Map<String, Object> timerInfo(boolean pastDue) {
        return Map.of("Schedule", Map.of("AdjustForDST", true), "IsPastDue", pastDue,
                "ScheduleStatus", Map.of("Last", "2026-11-21T21:59:50Z", "Next", "2026-11-21T22:00:00Z",
                        "LastUpdated", "2026-11-21T21:59:50Z"));
    }

    private static Map<String, Object> queueMetadata(int dequeueCount) {
        return Map.of("Id", "5f2c9a1e", "DequeueCount", dequeueCount, "InsertionTime", "2026-11-21T21:59:58Z",
                "ExpirationTime", "2026-11-28T21:59:58Z", "PopReceipt", "pr-1");
    }

    private static Map<String, Object> blobMetadata(String name) {
        return Map.of("name", name, "BlobTrigger", "images/" + name, "Uri", "http://127.0.0.1:7071/blobs/images/"
                + name, "Properties", Map.of("Length", 13, "ContentType", "application/octet-stream"));
    }

    static List<String> logs(JsonNode answer) {
        return answer.path("Logs").valueStream().map(JsonNode::asText).toList();
    }
}
