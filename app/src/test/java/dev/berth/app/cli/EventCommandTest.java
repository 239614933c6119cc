package dev.berth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.berth.runner.eventgrid.TopicKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/// `berth event send` against a stand-in for a running session's topic endpoint: an HTTP server that
/// records what it receives, announced in `.berth/run.json` as a real session does.
class EventCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path project;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<String> path = new AtomicReference<>();
    private final AtomicReference<String> key = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>();
    private HttpServer server;

    private int berth(String... args) {
        var cli = BerthCli.create(new CommandFactory(() -> {
            throw new AssertionError("storage commands never need the runner");
        }));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private void runningSession(int status, String deliveries) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            path.set(exchange.getRequestURI().getPath());
            key.set(exchange.getRequestHeaders().getFirst("aeg-sas-key"));
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().set("x-berth-deliveries", deliveries);
            byte[] answer = status == 200 ? new byte[0] : "{\"error\":{\"message\":\"bad event\"}}".getBytes();
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        Files.createDirectories(project.resolve(".berth"));
        Files.writeString(project.resolve(".berth/run.json"), "{\"ingress\":\"http://127.0.0.1:"
                + server.getAddress().getPort() + "\",\"pid\":" + ProcessHandle.current().pid() + "}");
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop(0);
    }

    @Test
    void send_bareObject_wrapsItFillsDefaultsAndPrintsDeliveries() throws Exception {
        runningSession(200, "2");

        int code = berth("event", "send", project.toString(), "orders", "{\"subject\":\"a\",\"eventType\":\"x\",\"data\":{}}");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("Sent to topic 'orders': 2 deliveries started.");
        assertThat(path.get()).isEqualTo("/eventgrid/topics/orders/api/events");
        assertThat(key.get()).isEqualTo(TopicKey.load(project.resolve(".berth")).primary());
        assertThat(contentType.get()).isEqualTo("application/json");
        var sent = JSON.readTree(body.get());
        assertThat(sent.isArray()).isTrue();
        assertThat(sent).hasSize(1);
        var event = sent.get(0);
        assertThat(event.path("subject").asText()).isEqualTo("a");
        assertThat(event.path("id").asText()).isNotBlank();
        assertThat(event.path("eventTime").asText()).isNotBlank();
        assertThat(event.path("dataVersion").asText()).isEqualTo("1.0");
    }

    @Test
    void send_cloudEventsFromFile_sendsThemAsIsWithTheCloudEventsMediaType() throws Exception {
        runningSession(200, "1");
        var file = Files.writeString(project.resolve("ce.json"),
                "{\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"/cli\",\"type\":\"x\"}");

        assertThat(berth("event", "send", project.toString(), "orders", "@" + file, "--cloudevents")).isZero();

        assertThat(contentType.get()).isEqualTo("application/cloudevents+json");
        assertThat(JSON.readTree(body.get()).path("id").asText()).isEqualTo("e1");
        assertThat(out.toString()).contains("1 delivery started");
    }

    @Test
    void send_refusedByTheTopic_printsItsAnswerAndExitsTwo() throws Exception {
        runningSession(400, "0");

        assertThat(berth("event", "send", project.toString(), "orders", "[{\"subject\":\"a\"}]")).isEqualTo(2);

        assertThat(err.toString()).contains("refused the events (400)").contains("bad event");
    }

    @Test
    void send_badJson_saysWhereAndExitsTwo() throws Exception {
        runningSession(200, "0");

        assertThat(berth("event", "send", project.toString(), "orders", "{subject: a}")).isEqualTo(2);

        assertThat(err.toString()).contains("EVENTS is not valid JSON").contains("line 1").doesNotContain("\tat ");
        assertThat(body.get()).isNull();
    }

    @Test
    void send_noRunningSession_saysHowToStartOneAndExitsTwo() {
        assertThat(berth("event", "send", project.toString(), "orders", "{}")).isEqualTo(2);

        assertThat(err.toString()).contains("No running session").contains("berth run");
    }
}
