package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/// The topic endpoint over real HTTP (the JDK server stands in for the ingress, whose server is internal to its
/// package): key checks, Azure's status codes, and error bodies that name every problem.
class EventGridTopicEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTS = "[" + EventGridSchemaParsingTest.VALID + "]";

    @TempDir Path dir;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> published = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private HttpServer server;
    private TopicKey key;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        key = TopicKey.load(dir.resolve(".berth"));
        var parser = new EventParser(new EventLimits(4 * 1024, 8 * 1024), new MutableClock());
        var endpoint = new TopicEndpoint(parser, key, (topic, events) -> {
            if (stopping) throw new IllegalStateException("closed");
            events.forEach(e -> published.add(topic + ":" + e.id()));
            return events.size() * 2;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(TopicEndpoint.PREFIX, endpoint);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
        client.close();
    }

    private HttpResponse<String> post(String path, String contentType, String body, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) request.header("Content-Type", contentType);
        if (headers.length > 0) request.headers(headers);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> publish(String contentType, String body) throws Exception {
        return post("/eventgrid/topics/orders/api/events?api-version=2018-01-01", contentType, body,
                "aeg-sas-key", key.primary());
    }

    private static JsonNode error(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        return JSON.readTree(response.body()).path("error");
    }

    @Test
    void post_validEventsWithKey_is200WithNoBodyAndPublishes() throws Exception {
        var response = publish("application/json", EVENTS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("x-berth-deliveries")).hasValue("2");
        assertThat(published).containsExactly("orders:1");
    }

    @Test
    void post_withoutApiVersion_andWithTheSecondKey_isAccepted() throws Exception {
        var second = JSON.readTree(Files.readString(key.file())).path("key2").asText();

        var response = post("/eventgrid/topics/orders/api/events", "application/json", EVENTS, "aeg-sas-key", second);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void post_cloudEvents_singleAndBatch_arePublished() throws Exception {
        var single = EventGridCloudEventsParsingTest.VALID;

        assertThat(publish(EventGridCloudEventsParsingTest.SINGLE, single).statusCode()).isEqualTo(200);
        assertThat(publish(EventGridCloudEventsParsingTest.BATCH, "[" + single.replace("A234", "B1") + "]").statusCode())
                .isEqualTo(200);
        assertThat(published).containsExactly("orders:A234", "orders:B1");
    }

    @Test
    void post_withoutKey_is401NamingTheHeaderAndTheKeyFile() throws Exception {
        var response = post("/eventgrid/topics/orders/api/events", "application/json", EVENTS);

        assertThat(response.statusCode()).isEqualTo(401);
        var error = error(response);
        assertThat(error.path("code").asText()).isEqualTo("Unauthorized");
        assertThat(error.path("message").asText()).isEqualTo("The request has no aeg-sas-key header. Fix: send the header "
                + "aeg-sas-key: <key1 or key2 from " + key.file() + ">.");
        assertThat(published).isEmpty();
    }

    @Test
    void post_wrongKey_is401() throws Exception {
        var response = post("/eventgrid/topics/orders/api/events", "application/json", EVENTS, "aeg-sas-key", "guess");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(error(response).path("message").asText())
                .startsWith("The aeg-sas-key header does not hold this project's topic key. Fix: send the header aeg-sas-key");
    }

    @Test
    void post_sasToken_is401ExplainingThatTheKeyItselfIsExpected() throws Exception {
        var response = post("/eventgrid/topics/orders/api/events", "application/json", EVENTS,
                "aeg-sas-token", "r=x&e=y&s=z");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(error(response).path("message").asText()).startsWith("Berth's local topics take the key itself in the "
                + "aeg-sas-key header; SAS tokens and Microsoft Entra tokens are not checked locally.");
    }

    @Test
    void post_malformedBodyWithoutKey_is401_theKeyIsCheckedFirst() throws Exception {
        assertThat(post("/eventgrid/topics/orders/api/events", "application/json", "nonsense").statusCode()).isEqualTo(401);
    }

    @Test
    void post_invalidEvents_is400ListingEveryProblem() throws Exception {
        var body = "[" + EventGridSchemaParsingTest.VALID + "," + EventGridSchemaParsingTest.VALID
                .replace("\"id\": \"1\",", "").replace("\"dataVersion\": \"1.0\"", "\"dataVersion\": 2") + "]";

        var response = publish("application/json", body);

        assertThat(response.statusCode()).isEqualTo(400);
        var error = error(response);
        assertThat(error.path("code").asText()).isEqualTo("BadRequest");
        assertThat(error.path("message").asText()).isEqualTo("2 problem(s) in the Event Grid schema events; none was published.");
        assertThat(error.path("details").findValuesAsText("message")).containsExactly(
                "events[1].id: missing. Fix: add \"id\": a unique id for the event, e.g. a GUID.",
                "events[1].dataVersion: must be a string, not the number 2. Fix: write it in double quotes: the version "
                        + "of the data's schema, e.g. \"1.0\" (may be \"\").");
        assertThat(error.path("details").findValuesAsText("code")).containsOnly("InvalidEvent");
        assertThat(published).isEmpty();
    }

    @Test
    void post_bodyOverTheLimit_is413() throws Exception {
        var response = publish("application/json", "[" + "\"x\",".repeat(3000) + "\"x\"]");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).path("code").asText()).isEqualTo("RequestEntityTooLarge");
        assertThat(error(response).path("message").asText()).matches("The request body is \\d+ bytes; a publish request "
                + "may carry at most 8 KB\\. Fix: send the events in several smaller requests\\.");
    }

    @Test
    void post_chunkedBodyOverTheLimit_is413WithoutReadingItAll() throws Exception {
        var big = ("[" + "\"x\",".repeat(30_000) + "\"x\"]").getBytes();
        var request = HttpRequest.newBuilder(base.resolve("/eventgrid/topics/orders/api/events"))
                .header("aeg-sas-key", key.primary()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();

        var response = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).path("message").asText()).startsWith("The request body is over 8192 bytes;");
    }

    @Test
    void post_oneEventOverTheEventLimit_is413NamingIt() throws Exception {
        var body = "[" + EventGridSchemaParsingTest.VALID.replace("{\"total\": 42}", "\"" + "y".repeat(5000) + "\"") + "]";

        var response = publish("application/json", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(error(response).path("details").findValuesAsText("message")).singleElement().asString()
                .startsWith("events[0]: is ");
    }

    @Test
    void post_unsupportedContentType_is415() throws Exception {
        var response = publish("text/xml", "<events/>");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(error(response).path("code").asText()).isEqualTo("UnsupportedMediaType");
    }

    @Test
    void get_is405AllowingPost() throws Exception {
        var response = client.send(HttpRequest.newBuilder(base.resolve("/eventgrid/topics/orders/api/events")).GET()
                .header("aeg-sas-key", key.primary()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void post_elsewhere_is404ShowingTheRightPath() throws Exception {
        var response = post("/eventgrid/topics/orders/events", "application/json", EVENTS, "aeg-sas-key", key.primary());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).path("message").asText()).isEqualTo("Nothing is served at /eventgrid/topics/orders/events. "
                + "Fix: publish to /eventgrid/topics/{topic}/api/events.");
    }

    @Test
    void post_invalidTopicName_is404WithTheNamingRule() throws Exception {
        var response = post("/eventgrid/topics/o_o/api/events", "application/json", EVENTS, "aeg-sas-key", key.primary());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).path("message").asText()).startsWith("\"o_o\" is not a valid topic name. Fix: use 3 to 50");
    }

    @Test
    void post_whileStopping_is503() throws Exception {
        stopping = true;

        var response = publish("application/json", EVENTS);

        assertThat(response.statusCode()).isEqualTo(503);
    }
}
