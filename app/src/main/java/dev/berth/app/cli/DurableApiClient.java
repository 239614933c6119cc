package dev.berth.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runner.durable.http.ManagementUrls;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/// The durable management API of one running session, as the `berth durable` commands call it: paths under
/// [ManagementUrls#PREFIX], the task hub added to every call when one was chosen. Used by one command on
/// picocli's thread; close it.
final class DurableApiClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI ingress;
    private final String hub;
    private final HttpClient http = HttpClient.newHttpClient();

    /// One answer of the API.
    record Reply(int status, HttpHeaders headers, String body) {
        boolean ok() { return status >= 200 && status < 300; }

        /// Whether the management API itself answered (JSON), not the ingress saying nothing is mounted there.
        boolean fromApi() {
            return headers.firstValue("Content-Type").orElse("").startsWith("application/json");
        }

        JsonNode json() throws JsonProcessingException {
            return JSON.readTree(body);
        }

        /// The API's `Message`, or the body itself when it is not an error object.
        String message() {
            try {
                var message = JSON.readTree(body).path("Message");
                if (message.isTextual()) return message.asText();
            } catch (JsonProcessingException notJson) {
                // fall through to the raw body
            }
            return body.isBlank() ? "HTTP " + status : body.strip();
        }
    }

    /// `hub` null or empty: the project's task hub.
    DurableApiClient(URI ingress, String hub) {
        this.ingress = ingress;
        this.hub = hub == null ? "" : hub;
    }

    URI ingress() { return ingress; }

    /// `instances/{id}` with the id encoded, for [#send].
    static String instance(String id) {
        return "instances/" + ManagementUrls.encode(id);
    }

    /// `method` on `path` (under the prefix, may hold a query) with `body` (null: none) and header pairs.
    Reply send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        var hubParam = hub.isEmpty() ? "" : (path.contains("?") ? "&" : "?") + "taskHub=" + ManagementUrls.encode(hub);
        var request = HttpRequest.newBuilder(URI.create(ingress + ManagementUrls.PREFIX + path + hubParam))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        if (headers.length > 0) request.headers(headers);
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    @Override
    public void close() {
        http.close();
    }
}
