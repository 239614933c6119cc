package dev.berth.runner.ingress;

import com.sun.net.httpserver.Headers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/// Reads HTTP/1.1 requests off one connection: request line, headers, and a Content-Length or chunked
/// body, read whole (function payloads are bounded as in Azure). Answers `Expect: 100-continue` once the
/// body's framing and size are known to be acceptable, so an oversized upload is refused before it is sent.
/// One thread at a time.
final class RequestReader {
    /// Azure Functions caps HTTP request bodies at 100 MB.
    static final int MAX_BODY = 100 * 1024 * 1024;
    private static final int MAX_HEAD = 64 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    /// A request that cannot be served; `status` is what to answer before closing the connection.
    static final class BadRequestException extends IOException {
        private final int status;

        BadRequestException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() { return status; }
    }

    record Request(String method, URI uri, String protocol, Headers headers, byte[] body, boolean keepAlive) {}

    private final InputStream in;
    private final OutputStream out;
    private int headBytes;

    RequestReader(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /// The next request, or null when the client closed the connection cleanly between requests.
    Request next() throws IOException {
        headBytes = 0;
        var line = readLine(true);
        if (line == null) return null;
        while (line.isEmpty()) { // tolerate stray CRLFs between requests, as RFC 9112 asks
            line = readLine(true);
            if (line == null) return null;
        }
        var parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequestException(400, "Malformed request line: '" + line + "'.");
        }
        var headers = readHeaders();
        var uri = parseTarget(parts[1]);
        boolean http10 = parts[2].equals("HTTP/1.0");
        var connection = lower(headers.getFirst("Connection"));
        boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
        long length = bodyLength(headers);
        if (lower(headers.getFirst("Expect")).equals("100-continue")) {
            out.write(CONTINUE);
            out.flush();
        }
        var body = length == CHUNKED ? readChunked() : readFully((int) length);
        return new Request(parts[0], uri, parts[2], headers, body, keepAlive);
    }

    private static final long CHUNKED = -1;

    /// The body's Content-Length (0 when none), or CHUNKED; refuses what cannot be read before anything is.
    private static long bodyLength(Headers headers) throws BadRequestException {
        var encoding = headers.getFirst("Transfer-Encoding");
        if (encoding != null) {
            if (lower(encoding).strip().equals("chunked")) return CHUNKED;
            throw new BadRequestException(501, "Transfer-Encoding '" + encoding + "' is not supported: send the body"
                    + " with Content-Length or Transfer-Encoding: chunked.");
        }
        var length = headers.getFirst("Content-Length");
        if (length == null) return 0;
        long n;
        try {
            n = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(400, "Content-Length '" + length + "' is not a number.");
        }
        if (n < 0) throw new BadRequestException(400, "Content-Length " + n + " is negative.");
        if (n > MAX_BODY) throw new BadRequestException(413, "The body is larger than " + MAX_BODY + " bytes.");
        return n;
    }

    private Headers readHeaders() throws IOException {
        var headers = new Headers();
        for (String line; !(line = readLine(false)).isEmpty(); ) {
            int colon = line.indexOf(':');
            if (colon <= 0) throw new BadRequestException(400, "Malformed header line: '" + line + "'.");
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return headers;
    }

    private byte[] readChunked() throws IOException {
        var body = new ByteArrayOutputStream();
        while (true) {
            headBytes = 0; // the head limit bounds each chunk-size line, not the sum of them
            var sizeLine = readLine(false);
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new BadRequestException(400, "Malformed chunk size '" + sizeLine + "'.");
            }
            if (size < 0 || body.size() + (long) size > MAX_BODY) {
                throw new BadRequestException(413, "The body is larger than " + MAX_BODY + " bytes.");
            }
            if (size == 0) break;
            body.write(readFully(size));
            if (!readLine(false).isEmpty()) {
                throw new BadRequestException(400, "A chunk of " + size + " bytes is not followed by CRLF: the chunk"
                        + " size does not match its data.");
            }
        }
        while (!readLine(false).isEmpty()) { } // trailers, ignored
        return body.toByteArray();
    }

    private byte[] readFully(int length) throws IOException {
        var bytes = in.readNBytes(length);
        if (bytes.length < length) throw new IOException("the client closed the connection mid-request");
        return bytes;
    }

    /// A CRLF- (or LF-) terminated ISO-8859-1 line; null at EOF before the first byte when `mayEnd`.
    private String readLine(boolean mayEnd) throws IOException {
        var line = new StringBuilder(64);
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                if (mayEnd && line.isEmpty()) return null;
                throw new IOException("the client closed the connection mid-request");
            }
            if (++headBytes > MAX_HEAD) throw new BadRequestException(431, "The request head is over " + MAX_HEAD + " bytes.");
            line.append((char) b);
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') line.setLength(end - 1);
        return line.toString();
    }

    private static URI parseTarget(String target) throws BadRequestException {
        if (!target.startsWith("/")) throw new BadRequestException(400, "Request target '" + target + "' must be a path.");
        try {
            return new URI(target);
        } catch (URISyntaxException e) {
            throw new BadRequestException(400, "Request target '" + target + "' is not a valid URI: " + e.getReason() + ".");
        }
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
