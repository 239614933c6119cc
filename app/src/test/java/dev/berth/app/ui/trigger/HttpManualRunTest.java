package dev.berth.app.ui.trigger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpManualRunTest {
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    private URI serve(int status, String answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            var bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void run_jsonInput_isPostedAsInputAndTheAnswerIsRead() throws Exception {
        var ingress = serve(200, "{\"invocationId\":\"i-1\",\"replica\":\"r-1\",\"status\":201,\"error\":\"\","
                + "\"logs\":[\"a\",\"b\"],\"body\":\"created\"}");
        var result = new HttpManualRun().run(ingress, "orders", "{\"method\":\"POST\"}");
        assertThat(received).containsExactly("POST /admin/functions/orders?wait=true {\"input\":{\"method\":\"POST\"}}");
        assertThat(result).isEqualTo(new ManualRun.Result("i-1", "r-1", 201, "", List.of("a", "b"), "created"));
    }

    @Test
    void run_plainTextInput_isSentAsAJsonString() throws Exception {
        var ingress = serve(200, "{\"status\":200}");
        new HttpManualRun().run(ingress, "process", "just text");
        assertThat(received).singleElement().asString().endsWith("{\"input\":\"just text\"}");
    }

    @Test
    void run_sessionRefuses_throwsWithItsMessage() throws Exception {
        var ingress = serve(400, "Manual run of 'orders': path 'x' does not match its route 'orders'.");
        assertThatThrownBy(() -> new HttpManualRun().run(ingress, "orders", "{\"path\":\"x\"}"))
                .isInstanceOf(IOException.class).hasMessageContaining("HTTP 400").hasMessageContaining("does not match");
    }
}
