package dev.berth.runner.ingress;

import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/// A small HTTP/1.1 server on loopback: one platform thread per connection, reading requests with
/// blocking I/O and running the handler on that same thread. The JDK's server hands every request from
/// its selector thread to a worker and back, about 0.1–0.3 ms a request on a small machine; here the
/// kernel wakes the connection's thread directly. Handlers see the standard `HttpExchange`.
/// Thread-safe; close to stop accepting and drop every connection. A keep-alive connection left idle for
/// `idleTimeout` between requests is closed, so idle clients do not hold a thread each forever.
final class LoopbackServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LoopbackServer.class);

    /// Requests whose path starts with `prefix` go to `handler`; the longest prefix wins.
    record Route(String prefix, HttpHandler handler) {}

    private final ServerSocket listener;
    private final List<Route> routes;
    private final ExecutorService threads =
            Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("ingress-", 0).factory());
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /// Connections waiting for their next request, which `close` may drop at once.
    private final Set<Socket> idle = ConcurrentHashMap.newKeySet();
    private final Duration idleTimeout;
    private volatile boolean closed;

    /// How long a keep-alive connection may wait for its next request.
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    /// How long `close` lets requests in progress finish their answers.
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(5);

    private LoopbackServer(ServerSocket listener, List<Route> routes, Duration idleTimeout) {
        this.listener = listener;
        this.idleTimeout = idleTimeout;
        this.routes = routes.stream()
                .sorted((a, b) -> Integer.compare(b.prefix().length(), a.prefix().length())).toList();
    }

    /// Binds 127.0.0.1:`port` (0 = any free port) and starts accepting. A taken port throws BindException.
    static LoopbackServer start(int port, List<Route> routes) throws IOException {
        return start(port, routes, IDLE_TIMEOUT);
    }

    static LoopbackServer start(int port, List<Route> routes, Duration idleTimeout) throws IOException {
        var listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        var server = new LoopbackServer(listener, routes, idleTimeout);
        Thread.ofPlatform().daemon().name("ingress-accept").start(server::acceptLoop);
        return server;
    }

    int port() { return listener.getLocalPort(); }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (closed) return;
                log.warn("ingress accept failed: {}", e.toString());
                // Out of file descriptors, say: back off rather than spin on the same error.
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    return;
                }
                continue;
            }
            try {
                socket.setTcpNoDelay(true);
                open.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException | RejectedExecutionException e) {
                // Closed meanwhile, or the socket died at once: it must not stay open unowned.
                open.remove(socket);
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // it is gone either way
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            var in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            var out = socket.getOutputStream();
            var reader = new RequestReader(in, out);
            while (!closed) {
                RequestReader.Request request;
                idle.add(socket);
                try {
                    if (closed) return; // `close` has already dropped the idle connections, or will see this one
                    socket.setSoTimeout((int) idleTimeout.toMillis());
                    request = reader.next();
                } catch (RequestReader.BadRequestException e) {
                    answerBadRequest(socket, e);
                    return;
                } catch (SocketTimeoutException e) {
                    log.debug("closing an ingress connection idle for {}", idleTimeout);
                    return;
                } finally {
                    idle.remove(socket);
                }
                if (request == null) return; // the client closed its side between requests
                var exchange = new LoopbackExchange(request, out, (InetSocketAddress) socket.getLocalSocketAddress(),
                        (InetSocketAddress) socket.getRemoteSocketAddress());
                try {
                    dispatch(exchange);
                } catch (RuntimeException e) {
                    // The request was read whole and nothing was written yet (answers are buffered), so
                    // the client still gets an answer, a 500 unless the handler had set a status, and the
                    // connection stays usable.
                    log.warn("ingress handler failed on {} {}", request.method(), request.uri(), e);
                }
                exchange.finish();
                if (!request.keepAlive()) return;
            }
        } catch (SocketException e) {
            log.debug("ingress connection ended: {}", e.toString());
        } catch (IOException | RuntimeException e) {
            if (!closed) log.warn("ingress connection failed: {}", e.toString());
        } finally {
            open.remove(socket);
            idle.remove(socket);
        }
    }

    private void dispatch(LoopbackExchange exchange) throws IOException {
        var path = exchange.getRequestURI().getRawPath();
        for (var route : routes) {
            if (path != null && path.startsWith(route.prefix())) {
                route.handler().handle(exchange);
                return;
            }
        }
        Exchanges.text(exchange, 404, "Nothing is served at " + path + ".");
    }

    private static void answerBadRequest(Socket socket, RequestReader.BadRequestException e) {
        try {
            var body = (e.getMessage() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var head = "HTTP/1.1 " + e.status() + " " + LoopbackExchange.reason(e.status()) + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
        } catch (IOException ignored) {
            // the client is gone already; there is no one left to tell
        }
    }

    /// Stops accepting new connections; connections already open are served on.
    void stopAccepting() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("closing the ingress socket: {}", e.toString());
        }
    }

    /// Stops accepting, drops idle connections, lets requests in progress finish their answers for a few
    /// seconds, then drops every connection. Whoever makes handlers wait (the replica client) should be
    /// closed before, so that this returns quickly and their last events come before it returns.
    @Override
    public void close() {
        stopAccepting();
        idle.forEach(LoopbackServer::closeQuietly);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(CLOSE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("ingress requests still running after {}; dropping their connections", CLOSE_PATIENCE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.forEach(LoopbackServer::closeQuietly);
            threads.shutdownNow();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing an ingress connection: {}", e.toString());
        }
    }
}
