package dev.berth.runner.durable;

import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import com.microsoft.durabletask.TaskCanceledException;
import com.microsoft.durabletask.TaskFailedException;
import dev.berth.runner.eventgrid.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.berth.runner.durable.SdkPatternsTest.activity;
import static dev.berth.runner.durable.SdkPatternsTest.orchestration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Timers, external events, sub-orchestrations, continue-as-new and the client's controls, with the real
/// SDK. Time is a [MutableClock]: a durable timer of an hour fires when the test moves the clock.
class SdkLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HUB = "test-hub";

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock();
    private SdkHarness sdk;

    @BeforeEach
    void start() throws Exception {
        sdk = new SdkHarness(dir.resolve("berth.db"), clock, List.of());
    }

    @AfterEach
    void stop() throws Exception {
        sdk.close();
    }

    private void await(String id, RuntimeStatus status) throws Exception {
        var info = sdk.control().completion(HUB, id);
        if (!status.terminal()) {
            sdk.backend.engine().await(new InstanceKey(HUB, id), s -> s == status).get(30, java.util.concurrent.TimeUnit.SECONDS);
            return;
        }
        assertThat(info.get(30, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(status);
    }

    /// Waits until the instance has recorded a history event of `kind` (the orchestrator reached that point).
    private void awaitHistory(String id, HistoryKind kind) throws Exception {
        sdk.backend.engine().await(new InstanceKey(HUB, id), s -> hasKind(id, kind)).get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    private boolean hasKind(String id, HistoryKind kind) {
        return sdk.control().history(HUB, id).stream().anyMatch(h -> h.kind() == kind);
    }

    @Test
    void durableTimer_anHourLong_firesWhenTheClockReachesIt() throws Exception {
        sdk.worker(w -> w.addOrchestration(orchestration("Wait", ctx -> {
            ctx.createTimer(Duration.ofHours(1)).await();
            ctx.complete("woke at " + ctx.getCurrentInstant());
        })));
        var id = sdk.client.scheduleNewOrchestrationInstance("Wait");
        awaitHistory(id, HistoryKind.TIMER_CREATED);
        assertThat(sdk.control().instance(HUB, id).orElseThrow().status()).isEqualTo(RuntimeStatus.RUNNING);

        clock.advance(Duration.ofMinutes(59));
        sdk.backend.engine().wake();
        assertThat(hasKind(id, HistoryKind.TIMER_FIRED)).isFalse();
        clock.advance(Duration.ofMinutes(1));
        sdk.backend.engine().wake();

        var done = sdk.client.waitForInstanceCompletion(id, WAIT, true);
        // The orchestrator's clock is a millisecond past the fire time, so the SDK sees the timer as done.
        assertThat(done.readOutputAs(String.class)).isEqualTo("woke at " + MutableClock.START.plus(Duration.ofHours(1)).plusMillis(1));
        assertThat(sdk.control().history(HUB, id)).filteredOn(h -> h.kind() == HistoryKind.TIMER_CREATED)
                .as("no extra zero-length timer").hasSize(1);
    }

    @Test
    void episodeUnansweredForAMinute_isReportedOnceAsAStuckWorker() throws Exception {
        var inEpisode = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        sdk.worker(w -> w.addOrchestration(orchestration("Stuck", ctx -> {
            inEpisode.countDown();
            try {
                release.await(30, java.util.concurrent.TimeUnit.SECONDS); // the worker's thread hangs in user code
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ctx.complete("late");
        })));
        var id = sdk.client.scheduleNewOrchestrationInstance("Stuck");
        assertThat(inEpisode.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        clock.advance(Duration.ofSeconds(59));
        sdk.backend.engine().wake();
        assertThat(stuckNotices(id)).isZero();
        clock.advance(Duration.ofSeconds(2));
        sdk.backend.engine().wake();
        sdk.backend.engine().wake();

        assertThat(stuckNotices(id)).as("said once").isEqualTo(1);
        release.countDown();
        assertThat(sdk.client.waitForInstanceCompletion(id, WAIT, true).readOutputAs(String.class)).isEqualTo("late");
    }

    private long stuckNotices(String id) {
        return sdk.events.stream().filter(e -> e instanceof dev.berth.runner.event.RunnerNotice n
                && n.level() == dev.berth.runner.event.RunnerNotice.Level.WARNING && n.text().contains(id)
                && n.text().contains("has not answered its episode")).count();
    }

    @Test
    void externalEvent_raisedBeforeTheTimeout_winsTheRace() throws Exception {
        sdk.worker(w -> w.addOrchestration(orchestration("Approve", ctx -> {
            try {
                var approved = ctx.waitForExternalEvent("Approval", Duration.ofDays(1), Boolean.class).await();
                ctx.complete(approved ? "approved" : "rejected");
            } catch (TaskCanceledException timeout) {
                ctx.complete("escalated");
            }
        })));
        var approved = sdk.client.scheduleNewOrchestrationInstance("Approve");
        var ignored = sdk.client.scheduleNewOrchestrationInstance("Approve");
        awaitHistory(approved, HistoryKind.TIMER_CREATED);
        awaitHistory(ignored, HistoryKind.TIMER_CREATED);

        sdk.client.raiseEvent(approved, "Approval", true);
        assertThat(sdk.client.waitForInstanceCompletion(approved, WAIT, true).readOutputAs(String.class)).isEqualTo("approved");

        clock.advance(Duration.ofDays(1));
        sdk.backend.engine().wake();
        assertThat(sdk.client.waitForInstanceCompletion(ignored, WAIT, true).readOutputAs(String.class)).isEqualTo("escalated");
    }

    @Test
    void subOrchestration_resultReachesTheParent() throws Exception {
        sdk.worker(w -> w
                .addOrchestration(orchestration("Parent", ctx ->
                        ctx.complete(ctx.callSubOrchestrator("Child", 20, Integer.class).await() + 1)))
                .addOrchestration(orchestration("Child", ctx -> ctx.complete(ctx.getInput(Integer.class) * 2))));
        var id = sdk.client.scheduleNewOrchestrationInstance("Parent");

        assertThat(sdk.client.waitForInstanceCompletion(id, WAIT, true).readOutputAs(Integer.class)).isEqualTo(41);
        var created = sdk.control().history(HUB, id).stream()
                .filter(h -> h.kind() == HistoryKind.SUB_ORCHESTRATION_CREATED).findFirst().orElseThrow();
        var child = sdk.control().instance(HUB, created.target()).orElseThrow();
        assertThat(child.status()).isEqualTo(RuntimeStatus.COMPLETED);
        assertThat(child.parentInstanceId()).contains(id);
    }

    @Test
    void continueAsNew_countsUpInFreshExecutions() throws Exception {
        sdk.worker(w -> w.addOrchestration(orchestration("Counter", ctx -> {
            int n = ctx.getInput(Integer.class);
            if (n < 5) ctx.continueAsNew(n + 1);
            else ctx.complete(n);
        })));
        var id = sdk.client.scheduleNewOrchestrationInstance("Counter", 0);

        var done = sdk.client.waitForInstanceCompletion(id, WAIT, true);
        assertThat(done.readOutputAs(Integer.class)).isEqualTo(5);
        assertThat(done.readInputAs(Integer.class)).isEqualTo(5);
        var started = sdk.control().history(HUB, id).stream().filter(h -> h.kind() == HistoryKind.EXECUTION_STARTED).toList();
        assertThat(started).singleElement().extracting(HistoryItem::data).isEqualTo("5");
    }

    @Test
    void customStatus_isVisibleWhileRunning() throws Exception {
        sdk.worker(w -> w.addOrchestration(orchestration("Status", ctx -> {
            ctx.setCustomStatus("halfway");
            ctx.waitForExternalEvent("Go").await();
            ctx.complete("done");
        })));
        var id = sdk.client.scheduleNewOrchestrationInstance("Status");
        sdk.client.waitForInstanceStart(id, WAIT);
        sdk.backend.engine().await(new InstanceKey(HUB, id),
                s -> sdk.control().instance(HUB, id).map(InstanceInfo::customStatus).isPresent()).get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(sdk.client.getInstanceMetadata(id, true).readCustomStatusAs(String.class)).isEqualTo("halfway");
    }

    @Test
    void suspendThenResume_holdsEventsUntilResumed() throws Exception {
        sdk.worker(w -> w.addOrchestration(orchestration("Gate", ctx ->
                ctx.complete(ctx.waitForExternalEvent("Open", String.class).await()))));
        var id = sdk.client.scheduleNewOrchestrationInstance("Gate");
        sdk.client.waitForInstanceStart(id, WAIT);

        sdk.client.suspendInstance(id, "maintenance");
        assertThat(sdk.client.getInstanceMetadata(id, false).getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.SUSPENDED);
        sdk.client.raiseEvent(id, "Open", "now");
        assertThat(sdk.control().instance(HUB, id).orElseThrow().status()).isEqualTo(RuntimeStatus.SUSPENDED);

        sdk.client.resumeInstance(id, "back");
        assertThat(sdk.client.waitForInstanceCompletion(id, WAIT, true).readOutputAs(String.class)).isEqualTo("now");
        var kinds = sdk.control().history(HUB, id).stream().map(HistoryItem::kind).toList();
        assertThat(kinds).containsSubsequence(HistoryKind.EXECUTION_SUSPENDED, HistoryKind.EVENT_RAISED, HistoryKind.EXECUTION_RESUMED);
    }

    @Test
    void terminate_endsARunningInstanceWithTheGivenOutput() throws Exception {
        sdk.worker(w -> w.addOrchestration(orchestration("Forever", ctx -> ctx.waitForExternalEvent("Never").await())));
        var id = sdk.client.scheduleNewOrchestrationInstance("Forever");
        sdk.client.waitForInstanceStart(id, WAIT);

        sdk.client.terminate(id, "stopped by test");
        var done = sdk.client.waitForInstanceCompletion(id, WAIT, true);

        assertThat(done.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.TERMINATED);
        assertThat(done.readOutputAs(String.class)).isEqualTo("stopped by test");
        assertThatThrownBy(() -> sdk.client.raiseEvent(id, "Never", null))
                .hasMessageContaining("FAILED_PRECONDITION").hasMessageContaining("Terminated");
    }

    @Test
    void rewind_rerunsTheFailedActivityAndCompletes() throws Exception {
        var calls = new AtomicInteger();
        sdk.worker(w -> w
                .addOrchestration(orchestration("Flaky", ctx -> {
                    var first = ctx.callActivity("Step", "a", String.class).await();
                    ctx.complete(first + ctx.callActivity("Step", "b", String.class).await());
                }))
                .addActivity(activity("Step", ctx -> {
                    var input = ctx.getInput(String.class);
                    if (input.equals("b") && calls.incrementAndGet() == 1) throw new IllegalStateException("disk full");
                    return input.toUpperCase();
                })));
        var id = sdk.client.scheduleNewOrchestrationInstance("Flaky");
        var failed = sdk.client.waitForInstanceCompletion(id, WAIT, true);
        assertThat(failed.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.FAILED);
        assertThat(failed.getFailureDetails().getErrorMessage()).contains("disk full");

        sdk.control().rewind(HUB, id, "disk cleaned");
        var done = sdk.client.waitForInstanceCompletion(id, WAIT, true);

        assertThat(done.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.COMPLETED);
        assertThat(done.readOutputAs(String.class)).isEqualTo("AB");
        assertThat(sdk.control().history(HUB, id)).noneMatch(h -> h.kind() == HistoryKind.TASK_FAILED);
    }

    @Test
    void activityFailure_reachesTheOrchestratorAsTaskFailedException() throws Exception {
        sdk.worker(w -> w
                .addOrchestration(orchestration("Catch", ctx -> {
                    try {
                        ctx.callActivity("Boom", null, String.class).await();
                        ctx.complete("no error");
                    } catch (TaskFailedException e) {
                        ctx.complete("caught " + e.getErrorDetails().getErrorMessage());
                    }
                }))
                .addActivity(activity("Boom", ctx -> { throw new IllegalArgumentException("bad order"); })));
        var id = sdk.client.scheduleNewOrchestrationInstance("Catch");

        assertThat(sdk.client.waitForInstanceCompletion(id, WAIT, true).readOutputAs(String.class)).isEqualTo("caught bad order");
    }

    @Test
    void purgeAndQuery_listFinishedInstancesThenForgetThem() throws Exception {
        sdk.worker(w -> w.addOrchestration(orchestration("Quick", ctx -> ctx.complete("ok"))));
        var a = sdk.client.scheduleNewOrchestrationInstance("Quick", null, "order-1");
        var b = sdk.client.scheduleNewOrchestrationInstance("Quick", null, "order-2");
        sdk.client.scheduleNewOrchestrationInstance("Quick", null, "invoice-1");
        for (var id : List.of(a, b, "invoice-1")) sdk.client.waitForInstanceCompletion(id, WAIT, false);

        var query = new com.microsoft.durabletask.OrchestrationStatusQuery();
        query.setInstanceIdPrefix("order-");
        var found = sdk.client.queryInstances(query).getOrchestrationState();
        assertThat(found).extracting(com.microsoft.durabletask.OrchestrationMetadata::getInstanceId)
                .containsExactlyInAnyOrder("order-1", "order-2");

        assertThat(sdk.client.purgeInstance("order-1").getDeletedInstanceCount()).isEqualTo(1);
        assertThat(sdk.client.purgeInstance("order-1").getDeletedInstanceCount()).isZero();
        assertThat(sdk.client.getInstanceMetadata("order-1", false).isInstanceFound()).isFalse();
        assertThat(sdk.control().history(HUB, "order-1")).isEmpty();
    }

    @Test
    void restart_runsTheSameOrchestrationAgainWithItsInput() throws Exception {
        sdk.worker(w -> w.addOrchestration(orchestration("Echo", ctx -> ctx.complete(ctx.getInput(String.class)))));
        var id = sdk.client.scheduleNewOrchestrationInstance("Echo", "hi");
        sdk.client.waitForInstanceCompletion(id, WAIT, true);

        var again = sdk.control().restart(HUB, id, true);

        assertThat(again).isNotEqualTo(id);
        assertThat(sdk.client.waitForInstanceCompletion(again, WAIT, true).readOutputAs(String.class)).isEqualTo("hi");
    }

    @Test
    void scheduledStart_staysPendingUntilItsTime() throws Exception {
        sdk.worker(w -> w.addOrchestration(orchestration("Later", ctx -> ctx.complete("ran"))));
        var options = new com.microsoft.durabletask.NewOrchestrationInstanceOptions()
                .setStartTime(MutableClock.START.plus(Duration.ofMinutes(10)));
        var id = sdk.client.scheduleNewOrchestrationInstance("Later", options);
        sdk.backend.engine().wake();
        assertThat(sdk.control().instance(HUB, id).orElseThrow().status()).isEqualTo(RuntimeStatus.PENDING);

        clock.advance(Duration.ofMinutes(10));
        sdk.backend.engine().wake();

        assertThat(sdk.client.waitForInstanceCompletion(id, WAIT, true).readOutputAs(String.class)).isEqualTo("ran");
        assertThat(sdk.control().instance(HUB, id).orElseThrow().scheduledStart())
                .isEqualTo(Optional.of(MutableClock.START.plus(Duration.ofMinutes(10))));
    }
}
