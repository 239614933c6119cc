package dev.berth.runner.revision;

import dev.berth.runner.event.RevisionChanged;
import dev.berth.runner.event.RevisionChanged.Change;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.TrafficChanged;
import dev.berth.runner.eventgrid.MutableClock;
import dev.berth.runner.replica.ReplicaTemplate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The rollout state machine on fake pools and a fake clock: readiness waits advance the clock.
class RevisionManagerTest {
    private final MutableClock clock = new MutableClock();
    private final List<RunnerEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, FakePool> pools = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean newPoolsReady = true;
    private volatile String hash = "aaaaaaa111";
    private volatile RevisionConfig config = RevisionConfig.defaults();
    private final RevisionRouter router = new RevisionRouter(clock);
    private final RevisionManager.Settings settings = new RevisionManager.Settings(Duration.ofSeconds(90),
            Duration.ofSeconds(5), Duration.ofMillis(25), clock::advance);
    private final RevisionManager manager = new RevisionManager(new FakeSource(), template -> {
        var pool = new FakePool(template, newPoolsReady);
        pools.put(template.revision(), pool);
        return pool;
    }, router, events::add, clock, settings);

    private final class FakeSource implements RevisionSource {
        @Override public Snapshot read() { return new Snapshot(config, hash); }

        @Override
        public ReplicaTemplate build(String revision) {
            return new ReplicaTemplate("shop", revision, "berth/" + revision + ":latest", Map.of(), Map.of(), 8080, 0, 0,
                    Optional.empty(), 0);
        }

        @Override public int initialReplicas() { return 1; }

        @Override public String app() { return "shop"; }
    }

    private static RevisionConfig multiple() {
        return new RevisionConfig(ActiveRevisionsMode.MULTIPLE, Optional.empty(), RevisionConfig.defaults().traffic());
    }

    private List<Change> changesOf(String revision) {
        synchronized (events) {
            return events.stream().filter(e -> e instanceof RevisionChanged r && r.revision().equals(revision))
                    .map(e -> ((RevisionChanged) e).change()).toList();
        }
    }

    @Test
    void start_firstRevision_namedFromHashRoutedAtOnce() throws Exception {
        var name = manager.start(config);

        assertThat(name).isEqualTo("shop--aaaaaaa");
        assertThat(router.table().weights()).containsExactly(Map.entry(name, 100));
        assertThat(pools.get(name).scaledTo).hasValue(1);
    }

    @Test
    void start_revisionSuffix_usedForTheName() throws Exception {
        config = new RevisionConfig(ActiveRevisionsMode.SINGLE, Optional.of("v1"), RevisionConfig.defaults().traffic());
        assertThat(manager.start(config)).isEqualTo("shop--v1");
        hash = "bbbbbbb222";
        assertThat(manager.rollout("edit")).contains("shop--bbbbbbb"); // the suffix is taken: generated
    }

    @Test
    void rollout_singleMode_newTakesAllOldDrainsAfterItsRequestEnds() throws Exception {
        var first = manager.start(config);
        var inFlight = router.acquire(Duration.ZERO).orElseThrow();
        hash = "bbbbbbb222";

        var rollout = CompletableFuture.supplyAsync(() -> {
            try {
                return manager.rollout("handler.py changed");
            } catch (RevisionException e) {
                throw new IllegalStateException(e);
            }
        });
        waitUntil(() -> router.table().weightOf("shop--bbbbbbb") == 100);
        assertThat(pools.get(first).stopped).as("old stays up while a request is in flight").isFalse();
        inFlight.close();

        assertThat(rollout.get(10, TimeUnit.SECONDS)).contains("shop--bbbbbbb");
        assertThat(pools.get(first).stopped).isTrue();
        assertThat(pools.get(first).stoppedWithOpenLease).isFalse();
        assertThat(changesOf("shop--bbbbbbb")).containsExactly(Change.CREATED, Change.READY);
        assertThat(changesOf(first)).contains(Change.RETIRED);
        assertThat(manager.revisions()).extracting(RevisionInfo::name, RevisionInfo::state, RevisionInfo::latest)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, RevisionState.INACTIVE, false),
                        org.assertj.core.groups.Tuple.tuple("shop--bbbbbbb", RevisionState.RUNNING, true));
    }

    @Test
    void rollout_newNeverReady_failsAfterDeadlineAndOldKeepsAllTraffic() throws Exception {
        var first = manager.start(config);
        newPoolsReady = false;
        hash = "ccccccc333";
        var before = clock.instant();

        assertThatThrownBy(() -> manager.rollout("edit")).isInstanceOf(RevisionException.class)
                .hasMessageContaining("did not become ready within 90 s").hasMessageContaining(first + " keeps serving");

        assertThat(Duration.between(before, clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(90));
        assertThat(router.table().weights()).containsExactly(Map.entry(first, 100));
        assertThat(pools.get("shop--ccccccc").stopped).isTrue();
        assertThat(changesOf("shop--ccccccc")).containsExactly(Change.CREATED, Change.FAILED);
    }

    @Test
    void rollout_unchangedFiles_makesNoRevision() throws Exception {
        manager.start(config);
        assertThat(manager.rollout("touch")).isEmpty();
        assertThat(manager.revisions()).hasSize(1);
    }

    @Test
    void rollout_multipleMode_latestMovesOldStaysActive() throws Exception {
        config = multiple();
        var first = manager.start(config);
        hash = "bbbbbbb222";
        var second = manager.rollout("edit").orElseThrow();

        assertThat(router.table().weights()).containsEntry(second, 100);
        assertThat(router.isActive(first)).isTrue();
    }

    @Test
    void setTraffic_multiple_splitsBySuffixAndLatest() throws Exception {
        config = multiple();
        var first = manager.start(config);
        hash = "bbbbbbb222";
        var second = manager.rollout("edit").orElseThrow();

        manager.setTraffic(Map.of("aaaaaaa", 80, "latest", 20), Map.of("canary", "latest"));

        assertThat(router.table().weights()).containsEntry(first, 80).containsEntry(second, 20);
        assertThat(manager.labels()).containsEntry("canary", second);
        assertThat(events).filteredOn(e -> e instanceof TrafficChanged).last()
                .satisfies(e -> assertThat(((TrafficChanged) e).weights()).containsEntry(first, 80));
    }

    @Test
    void setTraffic_badSumOrUnknownRevision_refusedWithFix() throws Exception {
        config = multiple();
        manager.start(config);
        assertThatThrownBy(() -> manager.setTraffic(Map.of("latest", 90), null))
                .hasMessageContaining("sum to 90, not 100").hasMessageContaining("Fix:");
        assertThatThrownBy(() -> manager.setTraffic(Map.of("nope", 100), null))
                .isInstanceOfSatisfying(RevisionException.class, e -> assertThat(e.reason()).isEqualTo(RevisionException.Reason.NOT_FOUND));
    }

    @Test
    void setTraffic_singleMode_refusedNamingTheSetting() throws Exception {
        manager.start(config);
        assertThatThrownBy(() -> manager.setTraffic(Map.of("latest", 100), null))
                .hasMessageContaining("activeRevisionsMode: Multiple");
    }

    @Test
    void swap_exchangesWeightsAndLabels() throws Exception {
        config = multiple();
        var first = manager.start(config);
        hash = "bbbbbbb222";
        var second = manager.rollout("edit").orElseThrow();
        manager.setTraffic(Map.of(first, 100, second, 0), Map.of("blue", first, "green", second));

        manager.swap(first, second);

        assertThat(router.table().weights()).containsEntry(first, 0).containsEntry(second, 100);
        assertThat(manager.labels()).containsEntry("blue", second).containsEntry("green", first);
    }

    @Test
    void rollback_singleMode_reactivatesPreviousAndRetiresCurrent() throws Exception {
        var first = manager.start(config);
        hash = "bbbbbbb222";
        var second = manager.rollout("edit").orElseThrow();

        assertThat(manager.rollback()).isEqualTo(first);

        assertThat(router.table().weights()).containsExactly(Map.entry(first, 100));
        assertThat(router.isActive(second)).isFalse();
        assertThat(changesOf(first)).contains(Change.ACTIVATED);
    }

    @Test
    void rollback_onlyOneRevision_saysThereIsNone() throws Exception {
        manager.start(config);
        assertThatThrownBy(manager::rollback).hasMessageContaining("no earlier revision");
    }

    @Test
    void deactivate_withTraffic_refusedThenWithoutTraffic_stops() throws Exception {
        config = multiple();
        var first = manager.start(config);
        hash = "bbbbbbb222";
        manager.rollout("edit").orElseThrow();
        manager.setTraffic(Map.of(first, 50, "latest", 50), null);
        assertThatThrownBy(() -> manager.deactivate(first)).hasMessageContaining("still gets 50%");

        manager.setTraffic(Map.of("latest", 100), null);
        manager.deactivate(first);

        assertThat(pools.get(first).stopped).isTrue();
        assertThat(changesOf(first)).contains(Change.DEACTIVATED);
    }

    @Test
    void restart_replacesPoolOnceFreshOneReady() throws Exception {
        var first = manager.start(config);
        var old = pools.get(first);

        manager.restart(first);

        assertThat(old.stopped).isTrue();
        assertThat(pools.get(first)).isNotSameAs(old);
        assertThat(router.acquire(Duration.ZERO)).isPresent();
        assertThat(changesOf(first)).contains(Change.RESTARTED);
    }

    @Test
    void traffic_observedShareBesideWeight() throws Exception {
        manager.start(config);
        for (int i = 0; i < 4; i++) router.acquire(Duration.ZERO).orElseThrow().close();
        assertThat(manager.traffic()).singleElement().satisfies(t -> {
            assertThat(t.weight()).isEqualTo(100);
            assertThat(t.requestsLastMinute()).isEqualTo(4);
            assertThat(t.observedPercent()).isEqualTo(100.0);
        });
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 10 s");
            Thread.sleep(5);
        }
    }
}
