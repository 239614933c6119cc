package dev.berth.app.ui.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;

/// `ManualRun` over HTTP with the JDK client. The input is sent as JSON when it parses, else as a JSON
/// string (as `berth invoke --input` does). Thread-safe.
public final class HttpManualRun implements ManualRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    /// Longer than any sensible function timeout run by hand; the session enforces `functionTimeout` itself.
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Result run(URI ingress, String function, String input) throws IOException, InterruptedException {
        var target = URI.create(ingress + "/admin/functions/" + URLEncoder.encode(function, StandardCharsets.UTF_8)
                + "?wait=true");
        var body = JSON.createObjectNode().set("input", inputNode(input));
        var response = http.send(HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("The session refused the run (HTTP " + response.statusCode() + "): "
                    + response.body().strip());
        }
        var answer = JSON.readTree(response.body());
        var logs = new ArrayList<String>();
        answer.path("logs").forEach(line -> logs.add(line.asText()));
        return new Result(answer.path("invocationId").asText(), answer.path("replica").asText(),
                answer.path("status").asInt(), answer.path("error").asText(), logs, answer.path("body").asText());
    }

    static JsonNode inputNode(String input) {
        try {
            var node = JSON.readTree(input);
            return node == null || node.isMissingNode() ? JSON.getNodeFactory().textNode(input) : node;
        } catch (JsonProcessingException notJson) {
            return JSON.getNodeFactory().textNode(input);
        }
    }
}
