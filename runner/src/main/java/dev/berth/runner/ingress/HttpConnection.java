package dev.berth.runner.ingress;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/// One HTTP/1.1 connection to a replica: writes a request, reads one response (Content-Length, chunked,
/// or until close). Used by one thread at a time; the pool hands it over between requests.
final class HttpConnection implements AutoCloseable {
    /// Responses bigger than this are refused rather than held in memory.
    static final int MAX_BODY = 64 * 1024 * 1024;
    private static final int MAX_LINE = 64 * 1024;

    /// The connection was closed by the replica before any byte of a response: safe to retry.
    static final class StaleConnectionException extends IOException {
        StaleConnectionException(Throwable cause) { super("the replica closed the connection before answering", cause); }
    }

    record Response(int status, Map<String, List<String>> headers, byte[] body, boolean keepAlive) {}

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private long lastUsed = System.nanoTime();
    /// System.nanoTime() by which the whole answer must have arrived; 0 when there is no limit.
    private long deadline;

    HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(new DeadlineInput(socket.getInputStream()), 16 * 1024);
        this.out = socket.getOutputStream();
    }

    /// How long since the last response was read on it (or since it was opened).
    Duration idleFor() { return Duration.ofNanos(System.nanoTime() - lastUsed); }

    /// Limits the whole exchange that follows, not each read: a replica that trickles its answer a byte
    /// at a time still runs out of time. Zero means no limit (debugging).
    void timeout(Duration timeout) throws IOException {
        if (timeout.isZero()) {
            deadline = 0;
            socket.setSoTimeout(0);
        } else {
            deadline = System.nanoTime() + Math.max(1, timeout.toNanos());
            if (deadline == 0) deadline = 1;
        }
    }

    /// Before each read of the socket (the buffer above it reads in blocks), the time left to the deadline
    /// becomes the socket's read timeout.
    private final class DeadlineInput extends InputStream {
        private final InputStream raw;

        DeadlineInput(InputStream raw) { this.raw = raw; }

        @Override public int read() throws IOException {
            arm();
            return raw.read();
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            arm();
            return raw.read(b, off, len);
        }

        @Override public int available() throws IOException { return raw.available(); }

        private void arm() throws IOException {
            if (deadline == 0) return;
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new SocketTimeoutException("the answer did not arrive in time");
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, Duration.ofNanos(left).toMillis())));
        }
    }

    /// Head and body in one write, so the request leaves in as few packets as possible.
    void write(byte[] head, byte[] body) throws IOException {
        var all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        try {
            out.write(all);
            out.flush();
        } catch (SocketException e) { // broken pipe: the other end had closed it
            throw new StaleConnectionException(e);
        }
    }

    Response readResponse(boolean headRequest) throws IOException {
        String statusLine;
        try {
            statusLine = readLine(true);
        } catch (SocketException e) { // reset before a single byte of the answer: as good as closed
            throw new StaleConnectionException(e);
        }
        int status = parseStatus(statusLine);
        var headers = readHeaders();
        while (status >= 100 && status < 200) { // interim answers (100 Continue) precede the real one
            status = parseStatus(readLine(false));
            headers = readHeaders();
        }
        boolean close = hasToken(headers, "connection", "close");
        byte[] body;
        if (headRequest || status == 204 || status == 304) {
            body = new byte[0];
        } else if (hasToken(headers, "transfer-encoding", "chunked")) {
            body = readChunked();
        } else if (first(headers, "content-length") != null) {
            body = readFixed(parseLength(first(headers, "content-length")));
        } else {
            body = readToEnd();
            close = true;
        }
        lastUsed = System.nanoTime();
        return new Response(status, headers, body, !close);
    }

    private static int parseStatus(String line) throws IOException {
        if (!line.startsWith("HTTP/1.") || line.length() < 12) throw new IOException("not an HTTP answer: '" + line + "'");
        try {
            return Integer.parseInt(line.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("bad HTTP status line: '" + line + "'", e);
        }
    }

    private Map<String, List<String>> readHeaders() throws IOException {
        var headers = new LinkedHashMap<String, List<String>>();
        for (String line; !(line = readLine(false)).isEmpty(); ) {
            int colon = line.indexOf(':');
            if (colon <= 0) throw new IOException("bad HTTP header line: '" + line + "'");
            headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>(1))
                    .add(line.substring(colon + 1).trim());
        }
        return headers;
    }

    private byte[] readChunked() throws IOException {
        var body = new ByteArrayOutputStream();
        while (true) {
            var sizeLine = readLine(false);
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size '" + sizeLine + "'", e);
            }
            if (size < 0) throw new IOException("bad chunk size '" + sizeLine + "'");
            if (size == 0) break;
            if ((long) body.size() + size > MAX_BODY) throw new IOException("response larger than " + MAX_BODY + " bytes");
            body.write(readFixed(size));
            readLine(false); // the CRLF after each chunk
        }
        while (!readLine(false).isEmpty()) { } // trailers, ignored
        return body.toByteArray();
    }

    private byte[] readFixed(int length) throws IOException {
        var bytes = in.readNBytes(length);
        if (bytes.length < length) throw new IOException("the replica closed the connection mid-response");
        return bytes;
    }

    private byte[] readToEnd() throws IOException {
        var bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) throw new IOException("response larger than " + MAX_BODY + " bytes");
        return bytes;
    }

    private static int parseLength(String value) throws IOException {
        try {
            long length = Long.parseLong(value.trim());
            if (length < 0 || length > MAX_BODY) throw new IOException("response length " + length + " out of range");
            return (int) length;
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length '" + value + "'", e);
        }
    }

    /// A CRLF- (or LF-) terminated line in ISO-8859-1. EOF at the very start of a response means a stale
    /// keep-alive connection.
    private String readLine(boolean startOfResponse) throws IOException {
        var line = new StringBuilder(64);
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                if (startOfResponse && line.isEmpty()) throw new StaleConnectionException(null);
                throw new IOException("the replica closed the connection mid-response");
            }
            if (line.length() >= MAX_LINE) throw new IOException("HTTP line longer than " + MAX_LINE + " bytes");
            line.append((char) b);
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') line.setLength(end - 1);
        return line.toString();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (var entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) return entry.getValue().getFirst();
        }
        return null;
    }

    private static boolean hasToken(Map<String, List<String>> headers, String name, String token) {
        var value = first(headers, name);
        return value != null && value.toLowerCase(Locale.ROOT).contains(token);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket that failed already; nothing left to release
        }
    }
}
