package dev.berth.runner.ingress;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The ingress's HTTP server, spoken to byte by byte over a raw socket.
class LoopbackServerTest {
    private LoopbackServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void keepAlive_twoRequestsOnOneConnection_bothAnsweredWithLengths() throws Exception {
        start(exchange -> Exchanges.text(exchange, 200, "echo " + new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8)));
        try (var socket = connect()) {
            send(socket, "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\none");
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200 OK").endsWith("echo one");
            send(socket, "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\ntwo");
            assertThat(readResponse(socket.getInputStream())).contains("Content-Length: 8").endsWith("echo two");
        }
    }

    @Test
    void chunkedRequestBody_isReassembled() throws Exception {
        start(exchange -> Exchanges.text(exchange, 200, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        try (var socket = connect()) {
            send(socket, "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n6;x=y\r\npedia \r\n0\r\n\r\n");
            assertThat(readResponse(socket.getInputStream())).endsWith("Wikipedia ");
        }
    }

    @Test
    void expectContinue_getsInterimAnswerBeforeTheBody() throws Exception {
        start(exchange -> Exchanges.text(exchange, 201, "got it"));
        try (var socket = connect()) {
            send(socket, "PUT /a HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
            var in = socket.getInputStream();
            assertThat(new String(in.readNBytes(25), StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            send(socket, "ok");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 201 Created");
        }
    }

    @Test
    void malformedRequestLine_answers400AndCloses() throws Exception {
        start(exchange -> Exchanges.text(exchange, 200, "never"));
        try (var socket = connect()) {
            send(socket, "HELLO\r\n\r\n");
            var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("Malformed request line").contains("Connection: close");
        }
    }

    @Test
    void expectContinue_oversizedBody_answers413WithoutAnInterim100() throws Exception {
        start(exchange -> Exchanges.text(exchange, 200, "never"));
        try (var socket = connect()) {
            send(socket, "PUT /a HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: " + (RequestReader.MAX_BODY + 1L)
                    + "\r\n\r\n");
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                    .startsWith("HTTP/1.1 413 Content Too Large").doesNotContain("100 Continue");
        }
    }

    @Test
    void transferEncodingOtherThanChunked_answers501() throws Exception {
        start(exchange -> Exchanges.text(exchange, 200, "never"));
        try (var socket = connect()) {
            send(socket, "POST /a HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n");
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                    .startsWith("HTTP/1.1 501 Not Implemented").contains("gzip, chunked");
        }
    }

    @Test
    void chunkLongerThanItsSize_answers400() throws Exception {
        start(exchange -> Exchanges.text(exchange, 200, "never"));
        try (var socket = connect()) {
            send(socket, "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nWiki\r\n0\r\n\r\n");
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                    .startsWith("HTTP/1.1 400").contains("not followed by CRLF");
        }
    }

    @Test
    void headRequest_answerCarriesNoContentLength() throws Exception {
        start(exchange -> Exchanges.text(exchange, 200, "a body a GET would get"));
        try (var socket = connect()) {
            send(socket, "HEAD /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 200 OK").doesNotContain("Content-Length").endsWith("\r\n\r\n");
        }
    }

    @Test
    void oversizedBody_answers413WithoutReadingIt() throws Exception {
        start(exchange -> Exchanges.text(exchange, 200, "never"));
        try (var socket = connect()) {
            send(socket, "POST /a HTTP/1.1\r\nContent-Length: " + (RequestReader.MAX_BODY + 1L) + "\r\n\r\n");
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                    .startsWith("HTTP/1.1 413 Content Too Large").contains("larger than");
        }
    }

    @Test
    void handlerThatNeverAnswers_stillGetsTheClientA500() throws Exception {
        start(exchange -> { });
        try (var socket = connect()) {
            send(socket, "GET /a HTTP/1.1\r\n\r\n");
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 500");
        }
    }

    @Test
    void handlerThatThrows_answers500AndKeepsTheConnection() throws Exception {
        start(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/boom")) throw new IllegalStateException("boom");
            Exchanges.text(exchange, 200, "fine");
        });
        try (var socket = connect()) {
            send(socket, "GET /boom HTTP/1.1\r\n\r\n");
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 500");
            send(socket, "GET /a HTTP/1.1\r\n\r\n");
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200").endsWith("fine");
        }
    }

    @Test
    void http10WithoutKeepAlive_closesAfterTheAnswer() throws Exception {
        start(exchange -> Exchanges.text(exchange, 200, "bye"));
        try (var socket = connect()) {
            send(socket, "GET /a HTTP/1.0\r\n\r\n");
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                    .contains("Connection: close").endsWith("bye");
        }
    }

    @Test
    void longestPrefixWins_andUnknownPathsGet404() throws Exception {
        server = LoopbackServer.start(0, List.of(
                new LoopbackServer.Route("/", exchange -> Exchanges.text(exchange, 200, "root")),
                new LoopbackServer.Route("/admin/", exchange -> Exchanges.text(exchange, 200, "admin"))));
        try (var socket = connect()) {
            send(socket, "GET /admin/x HTTP/1.1\r\n\r\n");
            assertThat(readResponse(socket.getInputStream())).endsWith("admin");
            send(socket, "GET /api/x HTTP/1.1\r\n\r\n");
            assertThat(readResponse(socket.getInputStream())).endsWith("root");
        }
    }

    @Test
    void start_portTaken_throwsBindException() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LoopbackServer.start(taken.getLocalPort(), List.of()))
                    .isInstanceOf(java.net.BindException.class);
        }
    }

    @Test
    void keepAliveConnection_idlePastTheIdleTimeout_isClosedByTheServer() throws Exception {
        server = LoopbackServer.start(0, List.of(new LoopbackServer.Route("/", exchange -> Exchanges.text(exchange, 200, "hi"))),
                java.time.Duration.ofMillis(200));
        try (var socket = connect()) {
            send(socket, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200 OK");

            // Nothing more is sent: the server ends the connection (EOF) well before the socket's 10 s timeout.
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    private void start(ExchangeHandler handler) throws IOException {
        server = LoopbackServer.start(0, List.of(new LoopbackServer.Route("/", handler::handle)));
    }

    private interface ExchangeHandler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private Socket connect() throws IOException {
        var socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /// One response with a Content-Length body, as text.
    private static String readResponse(InputStream in) throws IOException {
        var head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("closed after: " + head);
            head.append((char) b);
        }
        var lengthLine = head.toString().lines().filter(l -> l.startsWith("Content-Length:")).findFirst().orElse("Content-Length: 0");
        int length = Integer.parseInt(lengthLine.substring(15).trim());
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
