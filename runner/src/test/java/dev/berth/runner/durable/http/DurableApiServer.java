package dev.berth.runner.durable.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;

/// [DurableHttpApi] on a fake backend, served by the JDK's HTTP server on a free loopback port under the
/// ingress's mount point, with a client that speaks to it. One per test; close it.
final class DurableApiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeDurableControl control;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    /// What the API answered; `json` is null when the body is empty.
    record Answer(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return body.isEmpty() ? null : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /// The `Message` of an error answer.
        String message() { return json().path("Message").asText(); }
    }

    DurableApiServer(FakeDurableControl control) throws IOException {
        this.control = control;
        var api = new DurableHttpApi(control, JSON);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(ManagementUrls.PREFIX, api::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    Answer get(String path, String... headers) throws Exception {
        return send("GET", path, null, headers);
    }

    Answer post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    Answer delete(String path) throws Exception {
        return send("DELETE", path, null);
    }

    /// `path` under [ManagementUrls#PREFIX], as raw (already encoded) text; `headers` as name, value pairs.
    Answer send(String method, String path, String body, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base() + ManagementUrls.PREFIX + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) request.headers(headers);
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers(), response.body());
    }

    @Override
    public void close() {
        http.close();
        server.stop(0);
    }
}
