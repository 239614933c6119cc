package dev.berth.runner.ingress;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/// One request on a `LoopbackServer` connection, as the standard `HttpExchange` the handlers know. The
/// response body is buffered and leaves with its head in one write when the exchange closes, with a
/// Content-Length (function answers are in memory anyway). Used by the connection's thread only.
final class LoopbackExchange extends HttpExchange {
    private final RequestReader.Request request;
    private final OutputStream socketOut;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final Headers responseHeaders = new Headers();
    private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream requestBody;
    private int status = -1;
    private boolean noBody;
    private boolean sent;

    LoopbackExchange(RequestReader.Request request, OutputStream socketOut, InetSocketAddress local,
                     InetSocketAddress remote) {
        this.request = request;
        this.socketOut = socketOut;
        this.local = local;
        this.remote = remote;
        this.requestBody = new ByteArrayInputStream(request.body());
    }

    @Override public Headers getRequestHeaders() { return request.headers(); }

    @Override public Headers getResponseHeaders() { return responseHeaders; }

    @Override public URI getRequestURI() { return request.uri(); }

    @Override public String getRequestMethod() { return request.method(); }

    /// Handlers here are routed by prefix, not by JDK contexts.
    @Override public HttpContext getHttpContext() { return null; }

    @Override public InputStream getRequestBody() { return requestBody; }

    @Override public OutputStream getResponseBody() {
        return new OutputStream() {
            @Override public void write(int b) { responseBody.write(b); }

            @Override public void write(byte[] b, int off, int len) { responseBody.write(b, off, len); }

            @Override public void close() throws IOException { LoopbackExchange.this.close(); }
        };
    }

    /// As the JDK server: `length` -1 means no body; 0 means a body of unknown length; above 0, exact.
    @Override public void sendResponseHeaders(int code, long length) throws IOException {
        if (status >= 0) throw new IOException("response headers already sent");
        status = code;
        noBody = length == -1 || "HEAD".equals(request.method()) || code == 204 || code == 304;
    }

    @Override public InetSocketAddress getRemoteAddress() { return remote; }

    @Override public int getResponseCode() { return status; }

    @Override public InetSocketAddress getLocalAddress() { return local; }

    @Override public String getProtocol() { return request.protocol(); }

    @Override public Object getAttribute(String name) { return attributes.get(name); }

    @Override public void setAttribute(String name, Object value) { attributes.put(name, value); }

    @Override public void setStreams(InputStream in, OutputStream out) {
        if (in != null) requestBody = in;
    }

    @Override public HttpPrincipal getPrincipal() { return null; }

    /// Sends the response (once). A handler that never answered gets a 500 here, so the client is not
    /// left waiting on a keep-alive connection.
    @Override public void close() {
        if (sent) return;
        sent = true;
        if (status < 0) {
            status = 500;
            responseBody.reset();
            responseBody.writeBytes("The request failed inside Berth; see its log.".getBytes(StandardCharsets.UTF_8));
        }
        try {
            socketOut.write(response());
            socketOut.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the client went away before the answer", e);
        }
    }

    void finish() throws IOException {
        try {
            close();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private byte[] response() {
        var body = noBody ? new byte[0] : responseBody.toByteArray();
        var head = new StringBuilder(256).append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        responseHeaders.forEach((name, values) -> {
            if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")
                    || name.equalsIgnoreCase("Connection")) return;
            for (var value : values) head.append(name).append(": ").append(value).append("\r\n");
        });
        head.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        // Every answer that may carry a body says its length, so keep-alive callers know where it ends. A
        // HEAD answer never has one, and "0" would misstate the size of the resource's GET.
        if (status >= 200 && status != 204 && status != 304 && !"HEAD".equals(request.method())) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (!request.keepAlive()) head.append("Connection: close\r\n");
        var headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        var all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }
}
