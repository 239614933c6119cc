package dev.berth.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// What the timer, queue, blob and Event Grid templates and the order pipeline declare for Berth and Azure:
/// host.json, local.settings.json, function.json bindings, eventgrid.yaml subscriptions, containerapp.yaml.
class TriggerTemplateConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir Path dir;

    static Stream<String> triggerTemplateIds() {
        return TemplateCatalog.builtIn().list().stream().map(Template::id).filter(id -> !id.startsWith("http-"))
                .filter(id -> !id.equals("batch-job")) // an HTTP app with jobs: JobTemplateTest
                .filter(id -> !id.equals("gpu-inference")); // an HTTP app on a GPU: GpuInferenceFilesTest
    }

    @ParameterizedTest
    @MethodSource("triggerTemplateIds")
    void scaffold_triggerTemplate_usesTheEmbeddedStorageAndDeclaresOneTriggerPerFunction(String id) throws IOException {
        var template = TemplateCatalog.builtIn().find(id).orElseThrow();
        var project = scaffold(id);

        JsonNode host = JSON.readTree(project.resolve("host.json").toFile());
        assertThat(host.path("version").asText()).isEqualTo("2.0");
        assertThat(host.at("/customHandler/description/defaultExecutablePath").asText())
                .isEqualTo(template.language().equals("java") ? "java" : "python3");
        assertThat(host.at("/customHandler/enableForwardingHttpRequest").asBoolean(true)).isFalse();
        JsonNode settings = JSON.readTree(project.resolve("local.settings.json").toFile());
        assertThat(settings.at("/Values/FUNCTIONS_WORKER_RUNTIME").asText()).isEqualTo("custom");
        assertThat(settings.at("/Values/AzureWebJobsStorage").asText()).isEqualTo("UseDevelopmentStorage=true");
        assertThat(Files.readAllLines(project.resolve(".gitignore"))).contains("local.settings.json", ".berth/");
        ScaffolderTest.assertContainerContract(project, "trigger-app");

        var triggers = new ArrayList<String>();
        for (var function : functions(project)) {
            var bindings = bindings(project, function);
            var ofFunction = bindings.stream().filter(b -> b.path("type").asText().endsWith("Trigger")).toList();
            assertThat(ofFunction).as("triggers of %s", function).singleElement()
                    .satisfies(b -> assertThat(b.path("direction").asText()).isEqualTo("in"));
            triggers.add(ofFunction.getFirst().path("type").asText());
        }
        if (triggers.contains("queueTrigger")) {
            assertThat(host.at("/extensions/queues/maxDequeueCount").asInt()).isEqualTo(5);
            assertThat(host.at("/extensions/queues/visibilityTimeout").asText()).matches("\\d\\d:\\d\\d:\\d\\d");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"timer-python", "timer-java"})
    void timerTemplate_runsEveryTenSecondsOnASixFieldScheduleInOneReplica(String id) throws IOException {
        var project = scaffold(id);

        var timer = bindings(project, "tick").getFirst();
        assertThat(timer.path("type").asText()).isEqualTo("timerTrigger");
        assertThat(timer.path("schedule").asText()).isEqualTo("*/10 * * * * *");
        assertThat(timer.path("schedule").asText().split(" ")).as("seconds first, as NCRONTAB wants").hasSize(6);
        assertThat(YAML.readTree(project.resolve("containerapp.yaml").toFile())
                .at("/properties/template/scale/maxReplicas").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "queue-python | process  | queueTrigger | queueName=orders   | blob  | path=processed/{rand-guid}.json",
            "queue-java   | process  | queueTrigger | queueName=orders   | blob  | path=processed/{rand-guid}.json",
            "blob-python  | uploaded | blobTrigger  | path=images/{name} | queue | queueName=thumbnails",
            "blob-java    | uploaded | blobTrigger  | path=images/{name} | queue | queueName=thumbnails",
    })
    void storageTemplate_triggerAndOutputOnTheEmbeddedStorage(String id, String function, String trigger,
                                                              String triggerProperty, String output,
                                                              String outputProperty) throws IOException {
        var bindings = bindings(scaffold(id), function);

        assertBinding(bindings.get(0), trigger, "in", triggerProperty);
        assertBinding(bindings.get(1), output, "out", outputProperty);
    }

    private static void assertBinding(JsonNode binding, String type, String direction, String property) {
        var keyValue = property.split("=", 2);
        assertThat(binding.path("type").asText()).isEqualTo(type);
        assertThat(binding.path("direction").asText()).isEqualTo(direction);
        assertThat(binding.path(keyValue[0]).asText()).isEqualTo(keyValue[1]);
        assertThat(binding.path("connection").asText()).isEqualTo("AzureWebJobsStorage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventgrid-python", "eventgrid-java", "order-pipeline"})
    void eventGridSubscriptions_eachNamesAnEventGridFunctionOfTheApp(String id) throws IOException {
        var project = scaffold(id);

        var subscriptions = YAML.readTree(project.resolve("eventgrid.yaml").toFile()).path("subscriptions");
        assertThat(subscriptions.isArray() && !subscriptions.isEmpty()).as("subscriptions listed").isTrue();
        for (var subscription : subscriptions) {
            assertThat(subscription.path("name").asText()).isNotBlank();
            assertThat(subscription.path("source").asText()).matches("storage|topic:[a-z0-9-]+");
            assertThat(bindings(project, subscription.path("function").asText()))
                    .anySatisfy(b -> assertThat(b.path("type").asText()).isEqualTo("eventGridTrigger"));
            var filter = subscription.path("filter");
            assertThat(filter.propertyStream().map(e -> e.getKey()))
                    .isSubsetOf(Set.of("subjectBeginsWith", "subjectEndsWith", "includedEventTypes"));
            assertThat(filter.path("includedEventTypes").isArray()).isTrue();
        }
    }

    @Test
    void orderPipeline_wiresHttpToQueueToBlobToEventGrid() throws IOException {
        var project = scaffold("order-pipeline");

        var orders = bindings(project, "orders");
        assertThat(orders.get(0).path("route").asText()).isEqualTo("orders");
        assertThat(orders.get(0).path("methods").valueStream().map(JsonNode::asText)).containsExactly("post");
        assertThat(orders.get(2).path("type").asText()).isEqualTo("queue");
        assertThat(orders.get(2).path("queueName").asText()).isEqualTo("orders");
        var process = bindings(project, "process");
        assertThat(process.get(0).path("queueName").asText()).isEqualTo("orders");
        assertThat(process.get(1).path("path").asText()).startsWith("receipts/");
        var subscription = YAML.readTree(project.resolve("eventgrid.yaml").toFile()).at("/subscriptions/0");
        assertThat(subscription.path("function").asText()).isEqualTo("notify");
        assertThat(subscription.path("source").asText()).isEqualTo("storage");
        assertThat(subscription.at("/filter/subjectBeginsWith").asText())
                .isEqualTo("/blobServices/default/containers/receipts/");
        assertThat(subscription.at("/filter/includedEventTypes/0").asText()).isEqualTo("Microsoft.Storage.BlobCreated");
        assertThat(YAML.readTree(project.resolve("containerapp.yaml").toFile())
                .at("/properties/configuration/ingress/external").asBoolean()).isTrue();
    }

    private Path scaffold(String id) throws IOException {
        return new Scaffolder().scaffold(TemplateCatalog.builtIn().find(id).orElseThrow(), dir.resolve(id),
                "trigger-app");
    }

    private static List<String> functions(Path project) throws IOException {
        try (var entries = Files.list(project)) {
            var names = entries.filter(d -> Files.isRegularFile(d.resolve("function.json")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
            assertThat(names).as("function folders in %s", project).isNotEmpty();
            return names;
        }
    }

    private static List<JsonNode> bindings(Path project, String function) throws IOException {
        return JSON.readTree(project.resolve(function).resolve("function.json").toFile()).path("bindings")
                .valueStream().toList();
    }
}
