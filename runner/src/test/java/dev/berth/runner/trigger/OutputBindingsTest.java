package dev.berth.runner.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runner.project.Binding;
import dev.berth.runner.project.FunctionDef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Output bindings written to real embedded storage.
class OutputBindingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private ProjectStorage storage;
    private final List<String> published = new ArrayList<>();
    private OutputBindings outputs;

    @BeforeEach
    void open() throws Exception {
        storage = ProjectStorage.open(dir, Clock.systemUTC());
        outputs = new OutputBindings(storage.queues(), storage.blobs(),
                (topic, events) -> published.add(topic + ":" + events.size()),
                new BindingExpressions(Map.of("OrdersTopic", "http://127.0.0.1:7071/eventgrid/topics/orders/api/events"),
                        Clock.systemUTC()), (function, line) -> { });
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void apply_writesQueueMessagesBlobsAndEvents() throws Exception {
        var function = function(
                binding("queue", "out", "msgs", Map.of("queueName", "thumbs")),
                binding("blob", "out", "receipt", Map.of("path", "receipts/{id}.json")),
                binding("eventGrid", "out", "events", Map.of("topicEndpointUri", "OrdersTopic")),
                binding("http", "out", "res", Map.of()));
        JsonNode values = JSON.readTree("""
                {"msgs": ["a", {"b": 1}], "receipt": {"total": 7}, "events": [{"id": "1"}, {"id": "2"}],
                 "res": {"statusCode": 200}}""");

        var written = outputs.apply(function, values, Map.of("id", "A-7"));

        assertThat(written).hasSize(3);
        assertThat(storage.queues().peek("thumbs", 32)).extracting(m -> m.text()).containsExactly("a", "{\"b\":1}");
        var receipt = storage.blobs().get("receipts", "A-7.json");
        assertThat(new String(receipt.content(), StandardCharsets.UTF_8)).isEqualTo("{\"total\":7}");
        assertThat(receipt.properties().contentType()).isEqualTo("application/json");
        assertThat(published).containsExactly("orders:2");
    }

    @Test
    void apply_outputsNotSet_writeNothing() {
        var function = function(binding("queue", "out", "msgs", Map.of("queueName", "thumbs")));

        assertThat(outputs.apply(function, JSON.createObjectNode().putNull("msgs"), Map.of())).isEmpty();
        assertThat(storage.queues().listQueues()).isEmpty();
    }

    @Test
    void apply_blobPathWithoutContainer_failsNamingTheBindingAndFix() {
        var function = function(binding("blob", "out", "receipt", Map.of("path", "just-a-name")));

        assertThatThrownBy(() -> outputs.apply(function, JSON.createObjectNode().put("receipt", "x"), Map.of()))
                .hasMessageContaining("receipt.path").hasMessageContaining("<container>/<blob name>");
    }

    @Test
    void apply_missingQueueName_failsNamingTheFile() {
        var function = function(binding("queue", "out", "msgs", Map.of()));

        assertThatThrownBy(() -> outputs.apply(function, JSON.createObjectNode().put("msgs", "x"), Map.of()))
                .hasMessageContaining("process/function.json").hasMessageContaining("queueName");
    }

    @Test
    void topicName_fromTheLocalEndpointOrTheSettingItself() {
        assertThat(OutputBindings.topicName("http://127.0.0.1:7071/eventgrid/topics/orders/api/events")).isEqualTo("orders");
        assertThat(OutputBindings.topicName("orders")).isEqualTo("orders");
    }

    private FunctionDef function(Binding... outs) {
        var all = new ArrayList<Binding>();
        all.add(binding("queueTrigger", "in", "msg", Map.of("queueName", "orders")));
        all.addAll(List.of(outs));
        return new FunctionDef("process", dir.resolve("process/function.json"), all, Optional.empty());
    }

    private static Binding binding(String type, String direction, String name, Map<String, Object> extra) {
        var properties = new java.util.HashMap<String, Object>(extra);
        properties.put("type", type);
        properties.put("direction", direction);
        properties.put("name", name);
        return new Binding(type, direction, name, properties);
    }
}
