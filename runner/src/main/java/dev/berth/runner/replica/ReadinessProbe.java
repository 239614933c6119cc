package dev.berth.runner.replica;

import dev.berth.runner.project.ContainerAppSpec;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/// One replica's readiness check over loopback: an HTTP GET expecting 2xx–3xx, or a TCP connect. Used by
/// one supervisor thread only; not thread-safe.
final class ReadinessProbe {
    private static final int CONNECT_TIMEOUT_MS = 1000;
    private static final int READ_TIMEOUT_MS = 2000;
    /// Docker's userland proxy accepts on the host port even while nothing listens in the container, then
    /// closes the connection as soon as its own dial fails (well under a millisecond). A connection still
    /// open after this long has a real listener behind it.
    private static final int PROXY_CLOSE_MS = 20;
    private static final Duration FIRST_INTERVAL = Duration.ofMillis(10);

    private final boolean http;
    private final String path;
    private final int containerPort;
    private final int hostPort;
    private final Duration period;
    private String lastFailure = "not probed yet";

    private ReadinessProbe(boolean http, String path, int containerPort, int hostPort, Duration period) {
        this.http = http;
        this.path = path;
        this.containerPort = containerPort;
        this.hostPort = hostPort;
        this.period = period;
    }

    /// The container port the probe of `probe` targets: its own port, or the handler's when it names none.
    static int containerPort(Optional<ContainerAppSpec.Probe> probe, int handlerPort) {
        return probe.map(ContainerAppSpec.Probe::port).filter(p -> p > 0).orElse(handlerPort);
    }

    /// Without a configured probe: TCP connect on the handler port, re-checked every second at most.
    static ReadinessProbe of(Optional<ContainerAppSpec.Probe> probe, int handlerPort, int hostPort) {
        int port = containerPort(probe, handlerPort);
        if (probe.isEmpty()) return new ReadinessProbe(false, "", port, hostPort, Duration.ofSeconds(1));
        var p = probe.get();
        var http = p.type() != null && p.type().toLowerCase(Locale.ROOT).startsWith("http");
        var path = p.path() == null || p.path().isBlank() ? "/" : (p.path().startsWith("/") ? p.path() : "/" + p.path());
        return new ReadinessProbe(http, path, port, hostPort, Duration.ofSeconds(Math.max(1, p.periodSeconds())));
    }

    String describe() {
        return (http ? "HTTP GET " + path + " on" : "TCP connect to") + " container port " + containerPort;
    }

    String lastFailure() { return lastFailure; }

    /// Poll tightly while a replica starts (start-to-ready time is a headline figure), then ever more
    /// loosely: about 5% of the time spent so far, between 10 ms and the probe's period.
    Duration interval(Duration elapsed) {
        var next = elapsed.dividedBy(20);
        if (next.compareTo(FIRST_INTERVAL) < 0) return FIRST_INTERVAL;
        return next.compareTo(period) > 0 ? period : next;
    }

    boolean check() {
        if (hostPort <= 0) {
            lastFailure = "container port " + containerPort + " is not published";
            return false;
        }
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), hostPort), CONNECT_TIMEOUT_MS);
            return http ? httpCheck(socket) : tcpCheck(socket);
        } catch (IOException e) {
            lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            return false;
        }
    }

    private boolean tcpCheck(Socket socket) throws IOException {
        socket.setSoTimeout(PROXY_CLOSE_MS);
        try {
            if (socket.getInputStream().read() >= 0) return true;
            lastFailure = "connection closed at once: nothing listens on container port " + containerPort + " yet";
            return false;
        } catch (SocketTimeoutException stillOpen) {
            return true;
        }
    }

    private boolean httpCheck(Socket socket) throws IOException {
        socket.setSoTimeout(READ_TIMEOUT_MS);
        var request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + hostPort
                + "\r\nUser-Agent: berth-probe\r\nConnection: close\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        var statusLine = firstLine(socket.getInputStream());
        var parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            lastFailure = statusLine.isEmpty() ? "connection closed without an answer" : "not HTTP: " + statusLine;
            return false;
        }
        try {
            int status = Integer.parseInt(parts[1]);
            if (status >= 200 && status < 400) return true;
            lastFailure = "GET " + path + " answered " + status;
        } catch (NumberFormatException e) {
            lastFailure = "not HTTP: " + statusLine;
        }
        return false;
    }

    private static String firstLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n' && line.length() < 200; c = in.read()) {
            if (c != '\r') line.append((char) c);
        }
        return line.toString();
    }
}
