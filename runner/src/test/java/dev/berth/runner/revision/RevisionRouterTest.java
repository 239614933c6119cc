package dev.berth.runner.revision;

import dev.berth.runner.eventgrid.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionRouterTest {
    private final MutableClock clock = new MutableClock();
    private final RevisionRouter router = new RevisionRouter(clock);
    private final FakePool blue = new FakePool("app--blue", true);
    private final FakePool green = new FakePool("app--green", true);

    RevisionRouterTest() {
        router.put("app--blue", blue);
        router.put("app--green", green);
    }

    private String acquireOne() throws InterruptedException {
        try (var lease = router.acquire(Duration.ZERO).orElseThrow()) {
            return lease.replicaId().substring(0, lease.replicaId().lastIndexOf('-'));
        }
    }

    private String acquireWithLabel(String label) throws Exception {
        return ScopedValue.where(RequestLabel.CURRENT, label).call(this::acquireOne);
    }

    @Test
    void acquire_8020over1000_observedSplitWithinThreePoints() throws Exception {
        router.route(new TrafficTable(Map.of("app--blue", 80, "app--green", 20), Map.of()));
        for (int i = 0; i < 1000; i++) acquireOne();

        var observed = router.observedLastMinute();
        assertThat(observed.get("app--blue") / 10.0).isBetween(77.0, 83.0);
        assertThat(observed.get("app--green") / 10.0).isBetween(17.0, 23.0);
    }

    @Test
    void acquire_labelNamesRevision_goesThereWhateverTheWeights() throws Exception {
        router.route(new TrafficTable(Map.of("app--blue", 100, "app--green", 0), Map.of("canary", "app--green")));

        for (int i = 0; i < 10; i++) assertThat(acquireWithLabel("canary")).isEqualTo("app--green");
        assertThat(acquireWithLabel("unknown")).isEqualTo("app--blue");
        assertThat(acquireOne()).isEqualTo("app--blue");
    }

    @Test
    void observed_olderThanAMinute_isForgotten() throws Exception {
        router.route(TrafficTable.all("app--blue"));
        acquireOne();
        clock.advance(Duration.ofSeconds(61));
        acquireOne();
        assertThat(router.observedLastMinute()).containsEntry("app--blue", 1L);
    }

    @Test
    void route_weightForRevisionWithoutPool_refused() {
        assertThatThrownBy(() -> router.route(TrafficTable.all("app--gone"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void drain_requestInFlight_stopsOnlyAfterItEnds() throws Exception {
        router.route(TrafficTable.all("app--blue"));
        var lease = router.acquire(Duration.ZERO).orElseThrow();
        router.route(TrafficTable.all("app--green"));
        var pool = router.remove("app--blue").orElseThrow();

        var drained = CompletableFuture.supplyAsync(() -> router.drain(pool, Duration.ofSeconds(30)));
        assertThat(acquireOne()).isEqualTo("app--green"); // new requests go to the new revision meanwhile
        assertThat(blue.stopped).isFalse();
        lease.close();

        assertThat(drained.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(blue.stopped).isTrue();
        assertThat(blue.stoppedWithOpenLease).isFalse();
    }

    @Test
    void remove_revisionWithTraffic_refused() {
        router.route(TrafficTable.all("app--blue"));
        assertThatThrownBy(() -> router.remove("app--blue")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void requestLabel_hostOrHeader_named() {
        assertThat(RequestLabel.of(null, "canary.shop.localhost:7071", "shop")).contains("canary");
        assertThat(RequestLabel.of("Blue", "127.0.0.1:7071", "shop")).contains("blue");
        assertThat(RequestLabel.of(null, "127.0.0.1:7071", "shop")).isEmpty();
        assertThat(RequestLabel.of(null, "shop.localhost", "shop")).isEmpty();
    }
}
