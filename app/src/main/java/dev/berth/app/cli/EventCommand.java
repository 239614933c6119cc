package dev.berth.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.eventgrid.TopicKey;
import dev.berth.runner.session.RunFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;

/// `berth event send <dir> <topic> <json|@file> [--cloudevents]`: publishes to a custom topic of the
/// project's running session, with the topic key from `.berth/eventgrid-key.json`. Fills in what a hand-typed
/// Event Grid event lacks (id, eventTime, dataVersion; wraps a single object in an array). Runs on picocli's thread.
@Command(name = "event", mixinStandardHelpOptions = true,
        description = "Publish events to the project's local Event Grid topics.",
        subcommands = EventCommand.Send.class)
final class EventCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = {"Send one event or a batch to a topic of the running session.",
            "Event Grid schema by default: missing id, eventTime and dataVersion are filled in."})
    static final class Send implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR", description = "Project folder.") Path dir;
        @Parameters(index = "1", paramLabel = "TOPIC", description = "Topic name, as in eventgrid.yaml `source: topic:<name>`.")
        String topic;
        @Parameters(index = "2", paramLabel = "EVENTS", description = "JSON (object or array), or @file.") String events;
        @Option(names = "--cloudevents", description = "The JSON is CloudEvents 1.0 (sent as is).") boolean cloudEvents;
        private final Clock clock;

        Send() {
            this(Clock.systemUTC());
        }

        Send(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Integer call() throws InterruptedException {
            var err = spec.commandLine().getErr();
            var project = dir.toAbsolutePath().normalize();
            var ingress = RunFile.ingressOf(project);
            if (ingress.isEmpty()) {
                return StorageCli.fail(err, "No running session serves " + dir + ", so its topics cannot take events."
                        + " Fix: start it with `./berth run " + dir + "` (or Run in the app), then send again.");
            }
            try {
                var body = body(StorageCli.read(events, System.in));
                var key = TopicKey.load(project.resolve(".berth"));
                return post(ingress.get(), key.primary(), body);
            } catch (JsonProcessingException e) {
                return StorageCli.fail(err, "EVENTS is not valid JSON: " + e.getOriginalMessage() + " (line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                        + "). Fix: quote the JSON for the shell, or put it in a file and pass @file.");
            } catch (IOException | IllegalArgumentException e) {
                return StorageCli.fail(err, e.getMessage());
            }
        }

        /// The request body: CloudEvents as given; Event Grid events as an array with defaults filled in.
        String body(byte[] text) throws IOException {
            var node = JSON.readTree(text);
            if (node == null || node.isMissingNode() || !(node.isObject() || node.isArray())) {
                throw new IllegalArgumentException("EVENTS must be a JSON object or array of objects. Fix: pass e.g. "
                        + "'{\"subject\":\"a\",\"eventType\":\"x\",\"data\":{}}'.");
            }
            if (cloudEvents) return node.toString();
            ArrayNode batch = node.isArray() ? (ArrayNode) node : JSON.createArrayNode().add(node);
            for (int i = 0; i < batch.size(); i++) {
                if (!(batch.get(i) instanceof ObjectNode event)) {
                    throw new IllegalArgumentException("EVENTS[" + i + "] is not an object. Fix: make every element an"
                            + " event object with subject, eventType and data.");
                }
                fillDefaults(event);
            }
            return batch.toString();
        }

        private void fillDefaults(ObjectNode event) {
            if (isAbsent(event.get("id"))) event.put("id", UUID.randomUUID().toString());
            if (isAbsent(event.get("eventTime"))) event.put("eventTime", clock.instant().toString());
            if (isAbsent(event.get("dataVersion"))) event.put("dataVersion", "1.0");
        }

        private static boolean isAbsent(JsonNode field) {
            return field == null || field.isNull() || (field.isTextual() && field.asText().isEmpty());
        }

        private int post(URI ingress, String key, String body) throws IOException, InterruptedException {
            var target = URI.create(ingress + "/eventgrid/topics/" + URLEncoder.encode(topic, StandardCharsets.UTF_8)
                    + "/api/events");
            var type = cloudEvents ? (body.startsWith("[") ? "application/cloudevents-batch+json"
                    : "application/cloudevents+json") : "application/json";
            try (var http = HttpClient.newHttpClient()) {
                var response = http.send(HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", type).header("aeg-sas-key", key).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return StorageCli.fail(spec.commandLine().getErr(), "Topic '" + topic + "' refused the events ("
                            + response.statusCode() + "): " + response.body());
                }
                var deliveries = response.headers().firstValue("x-berth-deliveries").orElse("?");
                var out = spec.commandLine().getOut();
                out.println("Sent to topic '" + topic + "': " + deliveries + " deliver"
                        + ("1".equals(deliveries) ? "y" : "ies") + " started.");
                out.flush();
                return 0;
            } catch (ConnectException e) {
                return StorageCli.fail(spec.commandLine().getErr(), "Nothing answers at " + ingress
                        + ". Fix: start the project with `./berth run " + dir + "`.");
            }
        }
    }
}
