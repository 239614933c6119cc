package dev.berth.runner.eventgrid;

import com.sun.net.httpserver.HttpServer;
import dev.berth.runner.eventgrid.EventDelivery.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/// Publish over HTTP → router on virtual threads → delivery, with real time (the retry schedule scaled down).
class EventGridEndToEndTest {
    @TempDir Path dir;

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        var deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(5);
        }
    }

    @Test
    void publishedEvent_failingTwice_isDeliveredOnTheThirdAttempt() throws Exception {
        var delivery = new RecordingDelivery(attempt -> attempt < 3 ? new Outcome.Failed("status 500", true)
                : new Outcome.Delivered());
        var notices = new CopyOnWriteArrayList<DeliveryNotice>();
        var subscription = new Subscription("orders", "OnOrder", new Subscription.Source.Topic("orders"),
                Subscription.Filter.ALL, 30, Duration.ofMinutes(10));
        var key = TopicKey.load(dir);
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try (var router = EventGridRouter.start(List.of(subscription), delivery, RetrySchedule.AZURE.scaledBy(0.001),
                Clock.systemUTC(), notices::add); var client = HttpClient.newHttpClient()) {
            server.createContext(TopicEndpoint.PREFIX,
                    new TopicEndpoint(new EventParser(EventLimits.AZURE, Clock.systemUTC()), key, router::publish));
            server.start();
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                            + "/eventgrid/topics/orders/api/events?api-version=2018-01-01"))
                    .header("aeg-sas-key", key.primary()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[" + EventGridSchemaParsingTest.VALID + "]")).build();

            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            await(() -> router.pending() == 0, "the delivery to finish");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(delivery.calls).extracting(RecordingDelivery.Call::attempt).containsExactly(1, 2, 3);
            assertThat(notices).last().isInstanceOf(DeliveryNotice.Delivered.class);
            assertThat(router.deadLetters()).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void close_waitsForADeliveryUnderWay_thenStops() throws Exception {
        var started = new java.util.concurrent.CountDownLatch(1);
        var finished = new java.util.concurrent.atomic.AtomicBoolean();
        EventDelivery slow = (s, e, attempt) -> {
            started.countDown();
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return new Outcome.Failed("interrupted", true);
            }
            finished.set(true);
            return new Outcome.Delivered();
        };
        var subscription = new Subscription("orders", "OnOrder", new Subscription.Source.Topic("orders"),
                Subscription.Filter.ALL, 30, Duration.ofMinutes(10));
        var router = EventGridRouter.start(List.of(subscription), slow, RetrySchedule.AZURE, Clock.systemUTC(), n -> {});
        router.publish("orders", List.of(EventGridRouterTest.event("1", "/a", "T")));
        assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        router.close();

        assertThat(finished).isTrue();
        assertThat(router.pending()).isZero();
    }
}
