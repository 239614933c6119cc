package dev.berth.runner.ingress;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/// HTTP/1.1 client from the ingress to replicas on loopback: blocking sockets on the caller's
/// thread, with pooled keep-alive connections per replica. The JDK's `HttpClient` hops between its
/// selector thread and an executor for every exchange, which costs about a millisecond a request on a
/// small machine; the ingress's budget is half of that. Thread-safe.
///
/// Closing it also closes the connections that requests are waiting on: a platform thread blocked in a
/// socket read cannot be interrupted, so this is what lets the ingress stop while replicas are busy.
/// Those requests then fail with [StoppingException].
final class ReplicaClient implements AutoCloseable {
    /// Headers the ingress sets itself or must not forward (hop-by-hop and framing headers).
    private static final Set<String> SKIPPED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings");
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int IDLE_PER_REPLICA = 64;
    /// A keep-alive connection idle this long may have been closed by the replica in the meantime.
    static final Duration RETRY_AFTER_IDLE = Duration.ofSeconds(1);

    private final Map<String, Deque<HttpConnection>> idle = new ConcurrentHashMap<>();
    private final Set<HttpConnection> inFlight = ConcurrentHashMap.newKeySet();
    private final Duration retryAfterIdle;
    private volatile boolean closed;

    ReplicaClient() { this(RETRY_AFTER_IDLE); }

    ReplicaClient(Duration retryAfterIdle) { this.retryAfterIdle = retryAfterIdle; }

    /// The client was closed (Berth is stopping) while the request waited: not the replica's fault.
    static final class StoppingException extends IOException {
        StoppingException(Throwable cause) { super("Berth is stopping", cause); }
    }

    /// A replica's answer.
    record Reply(int status, Map<String, List<String>> headers, byte[] body) {}

    /// Sends one request. `timeout` zero means no limit (debugging); past it, HttpTimeoutException.
    Reply send(URI target, String method, Map<String, List<String>> headers, byte[] body, Duration timeout)
            throws IOException {
        if (closed) throw new StoppingException(null);
        var key = key(target);
        var head = requestHead(target, method, headers, body.length);
        var queue = idle.get(key);
        var pooled = queue == null ? null : queue.pollFirst();
        if (pooled != null) {
            boolean longIdle = pooled.idleFor().compareTo(retryAfterIdle) >= 0;
            try {
                return exchange(key, pooled, head, body, method, timeout);
            } catch (HttpConnection.StaleConnectionException e) {
                // The other idle connections to this address most likely died with this one (the replica
                // restarted or stopped), and a new replica may since have been given the same port: none
                // of them is worth trying.
                evict(key);
                // A server closes keep-alive connections it has left idle a while; one that was idle long
                // enough most likely died that way before our request reached the function, so it is
                // sent again once. A connection in recent use that dies is a crash: that is reported.
                if (!longIdle) throw e;
            }
        }
        return exchange(key, connect(target), head, body, method, timeout);
    }

    /// Drops the pooled connections to `base`'s host and port, e.g. because the replica there stopped.
    void evict(URI base) { evict(key(base)); }

    private void evict(String key) {
        var queue = idle.remove(key);
        if (queue != null) queue.forEach(HttpConnection::close);
    }

    private static String key(URI target) { return target.getHost() + ":" + target.getPort(); }

    private Reply exchange(String key, HttpConnection connection, byte[] head, byte[] body, String method,
                           Duration timeout) throws IOException {
        boolean reusable = false;
        inFlight.add(connection);
        try {
            // Checked after registering: `close` either sees this connection or has set the flag first.
            if (closed) throw new StoppingException(null);
            connection.timeout(timeout);
            connection.write(head, body);
            var response = connection.readResponse("HEAD".equals(method));
            reusable = response.keepAlive();
            return new Reply(response.status(), response.headers(), response.body());
        } catch (SocketTimeoutException e) {
            throw new HttpTimeoutException("no answer within " + timeout);
        } catch (IOException e) {
            if (closed && !(e instanceof StoppingException)) throw new StoppingException(e);
            throw e;
        } finally {
            inFlight.remove(connection);
            if (reusable && !closed) release(key, connection);
            else connection.close();
        }
    }

    private void release(String key, HttpConnection connection) {
        var queue = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        if (queue.size() < IDLE_PER_REPLICA) queue.offerFirst(connection);
        else connection.close();
        if (closed) evict(key); // `close` may have emptied the pool just before the offer
    }

    private static HttpConnection connect(URI target) throws IOException {
        var socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), CONNECT_TIMEOUT_MS);
            return new HttpConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static byte[] requestHead(URI target, String method, Map<String, List<String>> headers, int length) {
        var path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        var text = new StringBuilder(256).append(method).append(' ').append(path);
        if (target.getRawQuery() != null) text.append('?').append(target.getRawQuery());
        text.append(" HTTP/1.1\r\nHost: ").append(target.getHost()).append(':').append(target.getPort()).append("\r\n");
        headers.forEach((name, values) -> {
            if (isHopByHop(name)) return;
            for (var value : values) text.append(name).append(": ").append(value).append("\r\n");
        });
        if (length > 0 || !"GET".equals(method) && !"HEAD".equals(method)) {
            text.append("Content-Length: ").append(length).append("\r\n");
        }
        return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static boolean isHopByHop(String header) {
        return SKIPPED.contains(header.toLowerCase(Locale.ROOT));
    }

    @Override
    public void close() {
        closed = true;
        var all = new ArrayList<>(idle.values());
        idle.clear();
        all.forEach(queue -> queue.forEach(HttpConnection::close));
        // Unblocks the threads reading answers; they see `closed` and report StoppingException.
        List.copyOf(inFlight).forEach(HttpConnection::close);
    }
}
