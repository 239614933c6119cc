package dev.berth.runner.ingress;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/// HTTP/1.1 client from the ingress to replicas, with pooled keep-alive connections. Thread-safe.
final class ReplicaClient implements AutoCloseable {
    /// Headers the JDK client sets itself or refuses (hop-by-hop and framing headers).
    private static final Set<String> SKIPPED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    /// A replica's answer.
    record Reply(int status, Map<String, List<String>> headers, byte[] body) {}

    Reply send(URI target, String method, Map<String, List<String>> headers, byte[] body, Duration timeout)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(target)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (!timeout.isZero()) request.timeout(timeout);
        headers.forEach((name, values) -> {
            if (!SKIPPED.contains(name.toLowerCase(Locale.ROOT))) values.forEach(v -> request.header(name, v));
        });
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.headers().map(), response.body());
    }

    static boolean isHopByHop(String header) {
        return SKIPPED.contains(header.toLowerCase(Locale.ROOT));
    }

    @Override
    public void close() {
        client.close();
    }
}
