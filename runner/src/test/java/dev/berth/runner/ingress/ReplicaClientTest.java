package dev.berth.runner.ingress;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The ingress's HTTP client against a scripted raw-socket server, so every framing case is exact.
class ReplicaClientTest {
    private final ReplicaClient client = new ReplicaClient();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        client.close();
        for (var c : open.reversed()) c.close();
    }

    @Test
    void send_contentLengthAnswer_returnsStatusHeadersAndBody() throws Exception {
        var server = server(request -> "HTTP/1.1 201 Created\r\nX-Test: a\r\nContent-Length: 5\r\n\r\nhello");

        var reply = client.send(server.uri("/hello?x=1"), "POST", Map.of("X-In", List.of("1")),
                "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.headers()).containsEntry("X-Test", List.of("a"));
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(server.requests.getFirst()).startsWith("POST /hello?x=1 HTTP/1.1").contains("X-In: 1")
                .contains("Content-Length: 2");
    }

    @Test
    void send_chunkedAnswer_isReassembled() throws Exception {
        var server = server(request -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nHel\r\n8;ext=1\r\nlo, Ada!\r\n0\r\n\r\n");

        var reply = client.send(server.uri("/x"), "GET", Map.of(), new byte[0], Duration.ofSeconds(5));

        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("Hello, Ada!");
    }

    @Test
    void send_keepAlive_reusesOneConnection() throws Exception {
        var server = server(request -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        for (int i = 0; i < 5; i++) client.send(server.uri("/x"), "GET", Map.of(), new byte[0], Duration.ofSeconds(5));

        assertThat(server.connections.get()).isEqualTo(1);
        assertThat(server.requests).hasSize(5);
    }

    @Test
    void send_answerWithoutLength_readsToCloseAndOpensANewConnectionNextTime() throws Exception {
        var server = server(request -> "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbye");

        var first = client.send(server.uri("/x"), "GET", Map.of(), new byte[0], Duration.ofSeconds(5));
        client.send(server.uri("/x"), "GET", Map.of(), new byte[0], Duration.ofSeconds(5));

        assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("bye");
        assertThat(server.connections.get()).isEqualTo(2);
    }

    @Test
    void send_idlePooledConnectionClosedByReplica_retriesOnceOnAFreshOne() throws Exception {
        var server = server(request -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        server.closeAfterEachAnswer = true; // but without saying so: the pooled connection turns stale
        var client = closing(new ReplicaClient(Duration.ZERO)); // every pooled connection counts as long idle

        client.send(server.uri("/a"), "POST", Map.of(), "1".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
        server.awaitClosed();
        var second = client.send(server.uri("/b"), "POST", Map.of(), "2".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));

        assertThat(second.status()).isEqualTo(200);
        assertThat(server.requests).extracting(r -> r.lines().findFirst().orElseThrow())
                .containsExactly("POST /a HTTP/1.1", "POST /b HTTP/1.1");
    }

    @Test
    void send_recentlyUsedConnectionDies_reportsItWithoutSendingAgain() throws Exception {
        var server = server(request -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        server.closeAfterEachAnswer = true; // stands in for a function that took its process down
        var client = closing(new ReplicaClient(Duration.ofHours(1)));

        client.send(server.uri("/a"), "POST", Map.of(), "1".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
        server.awaitClosed();

        assertThatThrownBy(() -> client.send(server.uri("/b"), "POST", Map.of(), "2".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5))).isInstanceOf(IOException.class).hasMessageContaining("before answering");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void send_noAnswerWithinTimeout_throwsHttpTimeoutException() throws Exception {
        var server = server(request -> null); // never answers

        assertThatThrownBy(() -> client.send(server.uri("/slow"), "GET", Map.of(), new byte[0], Duration.ofMillis(200)))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void send_garbageAnswer_failsNamingIt() throws Exception {
        var server = server(request -> "SSH-2.0-OpenSSH\r\n\r\n");

        assertThatThrownBy(() -> client.send(server.uri("/x"), "GET", Map.of(), new byte[0], Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class).hasMessageContaining("not an HTTP answer");
    }

    @Test
    void send_hopByHopHeaders_areNotForwarded() throws Exception {
        var server = server(request -> "HTTP/1.1 204 No Content\r\n\r\n");

        client.send(server.uri("/x"), "GET", Map.of("Connection", List.of("upgrade"), "Host", List.of("evil"),
                "Transfer-Encoding", List.of("chunked"), "X-Kept", List.of("yes")), new byte[0], Duration.ofSeconds(5));

        assertThat(server.requests.getFirst()).doesNotContain("upgrade").doesNotContain("evil")
                .doesNotContain("Transfer-Encoding").contains("X-Kept: yes");
    }

    @Test
    void send_answerTricklingPastTheTimeout_throwsHttpTimeoutException() throws Exception {
        var server = server(request -> "HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n" + "x".repeat(40));
        server.trickle = Duration.ofMillis(50); // each byte well within the timeout, the whole answer not

        assertThatThrownBy(() -> client.send(server.uri("/slow"), "GET", Map.of(), new byte[0], Duration.ofMillis(500)))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void close_whileARequestWaitsForItsAnswer_endsItAtOnceAsStopping() throws Exception {
        var server = server(request -> null); // never answers
        var failure = new java.util.concurrent.CompletableFuture<Throwable>();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                client.send(server.uri("/slow"), "GET", Map.of(), new byte[0], Duration.ZERO);
                failure.complete(null);
            } catch (Throwable e) {
                failure.complete(e);
            }
        });
        awaitRequests(server, 1);

        client.close();

        assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(ReplicaClient.StoppingException.class);
    }

    @Test
    void evict_dropsThePooledConnectionsToThatReplica() throws Exception {
        var server = server(request -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        client.send(server.uri("/x"), "GET", Map.of(), new byte[0], Duration.ofSeconds(5));

        client.evict(server.uri("/"));
        client.send(server.uri("/x"), "GET", Map.of(), new byte[0], Duration.ofSeconds(5));

        assertThat(server.connections.get()).isEqualTo(2);
    }

    @Test
    void send_staleConnection_dropsTheOtherPooledConnectionsToThatAddress() throws Exception {
        var server = server(request -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        var client = closing(new ReplicaClient(Duration.ofHours(1)));
        // Two pooled connections: two requests in flight at once.
        var gate = new CountDownLatch(1);
        server.beforeAnswer = () -> gate.await(5, TimeUnit.SECONDS);
        var first = Thread.ofVirtual().start(() -> sendQuietly(client, server));
        var second = Thread.ofVirtual().start(() -> sendQuietly(client, server));
        awaitRequests(server, 2);
        gate.countDown();
        first.join();
        second.join();
        server.beforeAnswer = () -> true;
        server.closeIdle();

        assertThatThrownBy(() -> client.send(server.uri("/b"), "GET", Map.of(), new byte[0], Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class);
        client.send(server.uri("/c"), "GET", Map.of(), new byte[0], Duration.ofSeconds(5));

        assertThat(server.connections.get()).isEqualTo(3);
    }

    private static void sendQuietly(ReplicaClient client, ScriptedServer server) {
        try {
            client.send(server.uri("/a"), "GET", Map.of(), new byte[0], Duration.ofSeconds(5));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitRequests(ScriptedServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.requests.size() < count) {
            assertThat(System.nanoTime()).as("requests reached the server in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private ReplicaClient closing(ReplicaClient client) {
        open.add(client);
        return client;
    }

    private ScriptedServer server(Function<String, String> answer) throws IOException {
        var server = new ScriptedServer(answer);
        open.add(server);
        return server;
    }

    /// Reads request heads (and Content-Length bodies) and writes the scripted answer verbatim.
    private static final class ScriptedServer implements AutoCloseable {
        final List<String> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger connections = new AtomicInteger();
        volatile boolean closeAfterEachAnswer;
        volatile Duration trickle = Duration.ZERO;
        volatile Gate beforeAnswer = () -> true;
        private final java.util.Set<Socket> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

        interface Gate { boolean pass() throws InterruptedException; }

        /// Closes every connection between requests, as a replica that stopped would.
        void closeIdle() throws IOException {
            for (var s : live) s.close();
        }
        private final CountDownLatch closedOne = new CountDownLatch(1);
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Function<String, String> answer;

        ScriptedServer(Function<String, String> answer) throws IOException {
            this.answer = answer;
            Thread.ofVirtual().start(this::accept);
        }

        URI uri(String path) { return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path); }

        void awaitClosed() throws InterruptedException { assertThat(closedOne.await(5, TimeUnit.SECONDS)).isTrue(); }

        private void accept() {
            try {
                while (true) {
                    var connection = socket.accept();
                    connections.incrementAndGet();
                    live.add(connection);
                    Thread.ofVirtual().start(() -> serve(connection));
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private void serve(Socket connection) {
            try (connection; var reader = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1))) {
                while (true) {
                    var head = new StringBuilder();
                    int length = 0;
                    for (String line; (line = reader.readLine()) != null && !line.isEmpty(); ) {
                        head.append(line).append("\r\n");
                        if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                    }
                    if (head.isEmpty()) return;
                    for (int i = 0; i < length; i++) reader.read();
                    requests.add(head.toString());
                    var reply = answer.apply(head.toString());
                    if (reply == null) { Thread.sleep(Duration.ofSeconds(10)); return; }
                    beforeAnswer.pass();
                    write(connection, reply.getBytes(StandardCharsets.ISO_8859_1));
                    if (closeAfterEachAnswer || reply.contains("Connection: close")) {
                        connection.close();
                        closedOne.countDown();
                        return;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // client went away
            }
        }

        private void write(Socket connection, byte[] bytes) throws IOException, InterruptedException {
            var out = connection.getOutputStream();
            if (trickle.isZero()) {
                out.write(bytes);
            } else {
                for (var b : bytes) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(trickle);
                }
            }
            out.flush();
        }

        @Override
        public void close() throws IOException { socket.close(); }
    }
}
