package dev.berth.runner.replica;

import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.project.ContainerAppSpec;
import dev.berth.runner.replica.FakeEngine.Plan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaSetTest {
    private static final String REVISION = "demo--abc1234";
    private static final Duration LONG_DEADLINE = Duration.ofDays(1);

    private final FakeEngine engine = new FakeEngine();
    private final TestClock clock = new TestClock();
    private final FakeWaits waits = new FakeWaits(clock);
    private final List<RunnerEvent> events = new CopyOnWriteArrayList<>();
    private final List<ReplicaSet> sets = new ArrayList<>();

    @AfterEach
    void tearDown() {
        sets.forEach(ReplicaSet::close);
        engine.close();
    }

    private ReplicaSet set(Optional<ContainerAppSpec.Probe> probe, int debugPort, Duration startDeadline) {
        var template = new ReplicaTemplate("demo", REVISION, "berth/demo--abc1234:latest",
                Map.of("berth.project", "/tmp/demo", "berth.revision", REVISION, "berth.session", "s1"),
                Map.of("FUNCTIONS_CUSTOMHANDLER_PORT", "8080"), 8080, 500_000_000L, 256L << 20, probe, debugPort);
        var settings = new ReplicaSet.Settings(startDeadline, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofSeconds(1), waits);
        var set = new ReplicaSet(engine, template, events::add, clock, settings);
        sets.add(set);
        return set;
    }

    private ReplicaSet set() { return set(Optional.empty(), 0, LONG_DEADLINE); }

    @Test
    void scaleTo_two_startsTwoContainersThatBecomeReady() {
        var set = set();

        set.scaleTo(2);

        awaitTrue("two replicas ready", () -> ready(set) == 2);
        assertThat(engine.containers).hasSize(2);
        var replicas = set.replicas();
        assertThat(replicas).extracting(ReplicaInfo::id).isSorted()
                .allMatch(id -> id.matches(REVISION + "-[0-9a-f]{4}"));
        for (var info : replicas) {
            var container = engine.containers.stream().filter(c -> c.id.equals(info.containerId())).findFirst().orElseThrow();
            assertThat(info.hostPort()).isEqualTo(container.handlerPort);
            assertThat(info.ready()).isPresent();
            assertThat(info.debugPort()).isZero();
            assertThat(container.spec.image()).isEqualTo("berth/demo--abc1234:latest");
            assertThat(container.spec.ports()).containsExactly(8080);
            assertThat(container.spec.nanoCpus()).isEqualTo(500_000_000L);
            assertThat(container.spec.memoryBytes()).isEqualTo(256L << 20);
            assertThat(container.spec.labels()).containsEntry("berth.replica", info.id())
                    .containsEntry("berth.session", "s1").containsEntry("berth.project", "/tmp/demo");
            assertThat(container.spec.env()).containsEntry("CONTAINER_APP_REPLICA_NAME", info.id())
                    .containsEntry("FUNCTIONS_CUSTOMHANDLER_PORT", "8080");
        }
        var id = replicas.getFirst().id();
        assertThat(states(id)).startsWith(ReplicaState.STARTING, ReplicaState.STARTING, ReplicaState.READY);
        assertThat(changes(id)).filteredOn(e -> e.state() == ReplicaState.READY).singleElement()
                .satisfies(e -> assertThat(e.detail())
                        .matches("ready in \\d+ ms \\(container started in \\d+ ms, answered \\d+ ms later\\)"))
                .satisfies(e -> assertThat(e.containerId()).isEqualTo(replicas.getFirst().containerId()));
    }

    @Test
    void followLogs_containerOutput_becomesLogLineEventsOfTheReplica() {
        var set = set();
        set.scaleTo(1);
        awaitTrue("ready", () -> ready(set) == 1);

        engine.container(0).log("stderr", "warming the cache");

        awaitTrue("log line", () -> events.stream().anyMatch(e -> e instanceof LogLine l
                && l.text().equals("warming the cache") && l.stream().equals("stderr")
                && l.replicaId().equals(set.replicas().getFirst().id())));
    }

    @Test
    void acquire_threeLeases_spreadOverLeastOutstanding() throws Exception {
        var set = set();
        set.scaleTo(3);
        awaitTrue("three ready", () -> ready(set) == 3);

        var a = set.acquire(Duration.ZERO).orElseThrow();
        var b = set.acquire(Duration.ZERO).orElseThrow();
        var c = set.acquire(Duration.ZERO).orElseThrow();

        assertThat(List.of(a.replicaId(), b.replicaId(), c.replicaId())).doesNotHaveDuplicates();
        assertThat(set.replicas()).extracting(ReplicaInfo::outstanding).containsOnly(1);
        b.close();
        b.close();
        var next = set.acquire(Duration.ZERO).orElseThrow();
        assertThat(next.replicaId()).isEqualTo(b.replicaId());
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(next.baseUri().resolve("/hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).isEqualTo(set.replicas().stream()
                .filter(r -> r.id().equals(next.replicaId())).findFirst().orElseThrow().containerId());
        for (var lease : List.of(a, c, next)) lease.close();
        assertThat(set.replicas()).extracting(ReplicaInfo::outstanding).containsOnly(0);
    }

    @Test
    void acquire_noReplicaReady_timesOutEmpty() throws Exception {
        var set = set();
        long begin = System.nanoTime();

        var lease = set.acquire(Duration.ofMillis(150));

        assertThat(lease).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void acquire_replicaStillStarting_waitsUntilItIsReady() throws Exception {
        var set = set();
        engine.plan(Plan.LATE);
        set.scaleTo(1);
        awaitTrue("container created", () -> !set.replicas().isEmpty() && !set.replicas().getFirst().containerId().isEmpty());

        var waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return set.acquire(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitTrue("probe polled a few times", () -> waits.atLeast(Duration.ZERO).size() >= 3);
        assertThat(waiting).isNotDone();
        engine.container(0).serve();

        var lease = waiting.get(20, TimeUnit.SECONDS);
        assertThat(lease).isPresent();
        assertThat(lease.get().replicaId()).isEqualTo(set.replicas().getFirst().id());
    }

    @Test
    void crash_whileReady_reportsExitCodeOomAndLogs_thenRestartsWithDoublingBackoff() {
        var set = set();
        engine.plan(Plan.READY, Plan.EXIT_AT_START, Plan.EXIT_AT_START, Plan.READY);
        set.scaleTo(1);
        awaitTrue("ready", () -> ready(set) == 1);
        var id = set.replicas().getFirst().id();

        engine.crash(engine.container(0), 137, true, "allocating 2 GiB", "Killed");

        awaitTrue("ready again after three restarts", () -> engine.containers.size() == 4 && ready(set) == 1);
        var crashed = changes(id).stream().filter(e -> e.state() == ReplicaState.CRASHED).toList();
        assertThat(crashed).singleElement().satisfies(e -> {
            assertThat(e.containerId()).isEqualTo("c1");
            assertThat(e.detail()).contains("exit code 137", "OOM killed: yes", "allocating 2 GiB", "Killed",
                    "resources.memory");
        });
        assertThat(changes(id).stream().filter(e -> e.state() == ReplicaState.RESTARTING).map(ReplicaStateChanged::detail))
                .containsExactly("restarting in 1 s", "restarting in 2 s", "restarting in 4 s");
        assertThat(waits.atLeast(Duration.ofSeconds(1)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(engine.operations).containsSubsequence("start c1", "remove c1", "start c2", "remove c2",
                "start c3", "remove c3", "start c4");
        var info = set.replicas().getFirst();
        assertThat(info.id()).isEqualTo(id);
        assertThat(info.restarts()).isEqualTo(3);
        assertThat(info.containerId()).isEqualTo("c4");
    }

    @Test
    void crash_afterStayingReadyAMinute_startsBackoffOverAtOneSecond() {
        var set = set();
        engine.plan(Plan.EXIT_AT_START, Plan.READY, Plan.READY);
        set.scaleTo(1);
        awaitTrue("ready after one failed start", () -> ready(set) == 1 && engine.containers.size() == 2);

        clock.advance(Duration.ofMinutes(2));
        engine.crash(engine.container(1), 1, false, "bye");

        awaitTrue("ready again", () -> ready(set) == 1 && engine.containers.size() == 3);
        assertThat(waits.atLeast(Duration.ofSeconds(1))).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void exitAtStart_reportsFailedWithExitCodeAndLastLogLines() {
        var set = set();
        engine.plan(Plan.EXIT_AT_START);
        set.scaleTo(1);

        awaitTrue("failed event", () -> events.stream().anyMatch(e -> e instanceof ReplicaStateChanged c
                && c.state() == ReplicaState.FAILED));
        var failed = events.stream().filter(ReplicaStateChanged.class::isInstance).map(ReplicaStateChanged.class::cast)
                .filter(e -> e.state() == ReplicaState.FAILED).findFirst().orElseThrow();
        assertThat(failed.containerId()).isEqualTo("c1");
        assertThat(failed.detail()).contains("exited before it was ready", "exit code 1", "OOM killed: no",
                "Traceback (most recent call last):", "No module named 'flask'", "FUNCTIONS_CUSTOMHANDLER_PORT");
        awaitTrue("restarted and ready", () -> ready(set) == 1);
    }

    @Test
    void neverReady_failsAtTheStartDeadlineAndIsReplaced() {
        var set = set(Optional.empty(), 0, Duration.ofSeconds(60));
        engine.plan(Plan.LATE);
        set.scaleTo(1);

        awaitTrue("failed event", () -> changes().stream().anyMatch(e -> e.state() == ReplicaState.FAILED));
        var failed = changes().stream().filter(e -> e.state() == ReplicaState.FAILED).findFirst().orElseThrow();
        assertThat(failed.detail()).contains("not ready within 60 s", "TCP connect to container port 8080",
                "listen on 0.0.0.0:8080");
        awaitTrue("replacement ready", () -> ready(set) == 1 && engine.containers.size() == 2);
        assertThat(engine.operations).containsSubsequence("start c1", "remove c1", "start c2");
    }

    @Test
    void startRefused_reportsFailedWithTheEnginesMessage() {
        var set = set();
        engine.plan(Plan.FAIL_START);
        set.scaleTo(1);

        awaitTrue("ready after a refused start", () -> ready(set) == 1);
        assertThat(changes()).filteredOn(e -> e.state() == ReplicaState.FAILED).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("did not start", "berth/demo--abc1234:latest not found"));
    }

    @Test
    void reportFailure_takesReplicaOutOfRotationUntilItAnswersAgain() throws Exception {
        var set = set();
        set.scaleTo(1);
        awaitTrue("ready", () -> ready(set) == 1);
        var lease = set.acquire(Duration.ZERO).orElseThrow();
        engine.container(0).stopServing();

        lease.reportFailure(new ConnectException("Connection refused"));
        lease.close();

        assertThat(set.replicas().getFirst().state()).isEqualTo(ReplicaState.STARTING);
        assertThat(set.acquire(Duration.ZERO)).isEmpty();
        assertThat(changes()).last().satisfies(e -> assertThat(e.detail()).contains("request failed", "Connection refused"));
        int probesBefore = waits.atLeast(Duration.ZERO).size();
        awaitTrue("probing again", () -> waits.atLeast(Duration.ZERO).size() > probesBefore + 3);
        assertThat(set.replicas().getFirst().state()).isEqualTo(ReplicaState.STARTING);
        engine.container(0).serve();
        awaitTrue("back in rotation", () -> ready(set) == 1);
        assertThat(changes()).last().satisfies(e -> assertThat(e.detail()).startsWith("answers again"));
        assertThat(set.acquire(Duration.ZERO)).isPresent();
        assertThat(engine.containers).hasSize(1);
    }

    @Test
    void httpProbe_waitsForA2xxAnswerOnItsPath() {
        var probe = new ContainerAppSpec.Probe("http", "/healthz", 8080, 10, 0, 3);
        var set = set(Optional.of(probe), 0, LONG_DEADLINE);
        engine.healthStatus = 503;
        set.scaleTo(1);

        awaitTrue("probed", () -> engine.probed.size() >= 3);
        assertThat(set.replicas().getFirst().state()).isEqualTo(ReplicaState.STARTING);
        engine.healthStatus = 204;

        awaitTrue("ready", () -> ready(set) == 1);
        assertThat(engine.probed).containsOnly("/healthz");
    }

    @Test
    void debugPort_isPublishedAndReportedAsHostPort() {
        var set = set(Optional.empty(), 5005, LONG_DEADLINE);
        set.scaleTo(1);

        awaitTrue("ready", () -> ready(set) == 1);
        var container = engine.container(0);
        assertThat(container.spec.ports()).containsExactly(8080, 5005);
        assertThat(set.replicas().getFirst().debugPort()).isEqualTo(container.hostPorts.get(5005)).isPositive();
    }

    @Test
    void scaleTo_fewer_stopsAndRemovesTheExtraReplicas() {
        var set = set();
        set.scaleTo(3);
        awaitTrue("three ready", () -> ready(set) == 3);

        set.scaleTo(1);

        awaitTrue("one left", () -> set.replicas().size() == 1);
        assertThat(engine.operations).filteredOn(op -> op.startsWith("remove")).hasSize(2);
        assertThat(changes()).filteredOn(e -> e.state() == ReplicaState.STOPPED).hasSize(2);
        assertThat(ready(set)).isEqualTo(1);
    }

    @Test
    void close_stopsAndRemovesEveryContainer_once() throws Exception {
        var set = set();
        set.scaleTo(2);
        awaitTrue("two ready", () -> ready(set) == 2);
        var ids = set.replicas().stream().map(ReplicaInfo::id).toList();

        set.close();

        assertThat(engine.operations).contains("remove c1", "remove c2");
        assertThat(engine.containers).allMatch(c -> c.removed);
        for (var id : ids) {
            assertThat(states(id)).endsWith(ReplicaState.STOPPING, ReplicaState.STOPPED);
        }
        assertThat(set.replicas()).isEmpty();
        int eventCount = events.size();
        set.close();
        set.scaleTo(2);
        assertThat(set.acquire(Duration.ofMillis(10))).isEmpty();
        assertThat(events).hasSize(eventCount);
        assertThat(engine.containers).hasSize(2);
    }

    @Test
    void watch_afewFailedStatusCalls_keepTheReplicaReady() {
        var set = set();
        set.scaleTo(1);
        awaitTrue("one ready", () -> ready(set) == 1);
        engine.statusFailures.set(Supervisor.STATUS_FAILURES_TOLERATED - 1);

        awaitTrue("the failing calls were made", () -> engine.statusFailures.get() == 0);
        // A later successful check proves the supervisor went on watching after them.
        int calls = engine.statusCalls.get();
        awaitTrue("watching goes on", () -> engine.statusCalls.get() > calls + 1);

        assertThat(changes()).extracting(ReplicaStateChanged::state).doesNotContain(ReplicaState.FAILED);
        assertThat(ready(set)).isEqualTo(1);
        assertThat(engine.operations).noneMatch(op -> op.startsWith("remove"));
    }

    @Test
    void watch_statusFailingTooOftenInARow_failsTheReplica() {
        var set = set();
        set.scaleTo(1);
        awaitTrue("one ready", () -> ready(set) == 1);

        engine.statusFailures.set(Supervisor.STATUS_FAILURES_TOLERATED);

        awaitTrue("failed", () -> changes().stream().anyMatch(e -> e.state() == ReplicaState.FAILED
                && e.detail().contains("status call timed out")));
    }

    @Test
    void stop_allRemoved_reportsNothingLeft() {
        var set = set();
        set.scaleTo(1);
        awaitTrue("one ready", () -> ready(set) == 1);

        assertThat(set.stop()).isEmpty();
    }

    @Test
    void stop_removalFails_namesTheReplicaAndItsContainer() {
        var set = set();
        set.scaleTo(1);
        awaitTrue("one ready", () -> ready(set) == 1);
        var id = set.replicas().getFirst().id();
        engine.failRemove = true;

        var left = set.stop();

        assertThat(left).singleElement().asString().contains(id).contains("c1").contains("not removed");
    }

    @Test
    void onContainerRemoved_scaledDown_toldTheRemovedReplicasAddress() {
        var set = set();
        var removed = new CopyOnWriteArrayList<java.net.URI>();
        set.onContainerRemoved(removed::add);
        set.scaleTo(1);
        awaitTrue("one ready", () -> ready(set) == 1);
        int port = set.replicas().getFirst().hostPort();

        set.scaleTo(0);

        awaitTrue("removal announced", () -> !removed.isEmpty());
        assertThat(removed).containsExactly(java.net.URI.create("http://127.0.0.1:" + port));
    }

    @Test
    void close_duringBackoff_stopsWithoutStartingAgain() {
        var set = set();
        engine.plan(Plan.FAIL_START);
        set.scaleTo(1);
        awaitTrue("restarting", () -> changes().stream().anyMatch(e -> e.state() == ReplicaState.RESTARTING));

        set.close();

        assertThat(set.replicas()).isEmpty();
        assertThat(changes()).last().extracting(ReplicaStateChanged::state).isEqualTo(ReplicaState.STOPPED);
    }

    // ---- helpers ----

    static long ready(ReplicaSet set) {
        return set.replicas().stream().filter(r -> r.state() == ReplicaState.READY).count();
    }

    private List<ReplicaStateChanged> changes() {
        return events.stream().filter(ReplicaStateChanged.class::isInstance).map(ReplicaStateChanged.class::cast).toList();
    }

    private List<ReplicaStateChanged> changes(String replicaId) {
        return changes().stream().filter(e -> e.replicaId().equals(replicaId)).toList();
    }

    private List<ReplicaState> states(String replicaId) {
        return changes(replicaId).stream().map(ReplicaStateChanged::state).toList();
    }

    /// Polls with a deadline: the replica threads run on their own.
    static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
