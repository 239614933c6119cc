package dev.berth.runner.durable;

import com.microsoft.durabletask.DurableTaskGrpcClientBuilder;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import dev.berth.runner.event.RunnerNotice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.berth.runner.durable.SdkPatternsTest.activity;
import static dev.berth.runner.durable.SdkPatternsTest.orchestration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// What goes wrong, done with the real SDK: each case ends in a clear state and message, and the store
/// stays usable.
class SdkBadInputTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String HUB = "test-hub";

    @TempDir Path dir;
    private SdkHarness sdk;

    @BeforeEach
    void start() throws Exception {
        sdk = new SdkHarness(dir.resolve("berth.db"), Clock.systemUTC(), List.of());
    }

    @AfterEach
    void stop() throws Exception {
        sdk.close();
    }

    @Test
    void orchestrationNoWorkerRegisters_failsNamingTheOrchestration() throws Exception {
        sdk.worker(w -> w.addOrchestration(orchestration("Known", ctx -> ctx.complete("ok"))));
        var id = sdk.client.scheduleNewOrchestrationInstance("Unknwon");

        var done = sdk.client.waitForInstanceCompletion(id, WAIT, true);

        assertThat(done.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.FAILED);
        assertThat(done.getFailureDetails().getErrorType()).isEqualTo("UnknownOrchestration");
        assertThat(done.getFailureDetails().getErrorMessage()).contains("no orchestration named 'Unknwon'")
                .contains("addOrchestration");
    }

    @Test
    void orchestrationTheProjectDoesNotDeclare_isRefusedAtStart() throws Exception {
        try (var declared = new SdkHarness(dir.resolve("declared.db"), Clock.systemUTC(), List.of("Chain", "FanOut"))) {
            assertThatThrownBy(() -> declared.client.scheduleNewOrchestrationInstance("Chian"))
                    .hasMessageContaining("INVALID_ARGUMENT").hasMessageContaining("no orchestration named 'Chian'")
                    .hasMessageContaining("Chain, FanOut");
            assertThat(declared.control().query(HUB, InstanceQuery.all()).instances()).isEmpty();
        }
    }

    @Test
    void orchestratorCodeChangedUnderARunningInstance_failsAsNonDeterministic() throws Exception {
        var episodes = new AtomicInteger();
        sdk.worker(w -> w
                .addOrchestration(orchestration("Drift", ctx -> {
                    // Versions 1 to 3 call A three times; "version 4", deployed under the running instance,
                    // calls it once and returns. Replay meets steps the code no longer takes. (SDK 1.5 only
                    // reports this when the orchestrator returns first; see the closing note.)
                    if (episodes.incrementAndGet() >= 4) {
                        ctx.callActivity("A", null, String.class);
                        return;
                    }
                    for (int i = 0; i < 3; i++) ctx.callActivity("A", null, String.class).await();
                    ctx.complete("done");
                }))
                .addActivity(activity("A", ctx -> "a")));
        var id = sdk.client.scheduleNewOrchestrationInstance("Drift");

        var done = sdk.client.waitForInstanceCompletion(id, WAIT, true);

        assertThat(done.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.FAILED);
        assertThat(done.getFailureDetails().getErrorType()).contains("NonDeterministicOrchestratorException");
        assertThat(done.getFailureDetails().getErrorMessage()).contains("Non-deterministic");
    }

    @Test
    void eventForAFinishedOrMissingInstance_isRefusedWithItsState() throws Exception {
        sdk.worker(w -> w.addOrchestration(orchestration("Quick", ctx -> ctx.complete("ok"))));
        var id = sdk.client.scheduleNewOrchestrationInstance("Quick");
        sdk.client.waitForInstanceCompletion(id, WAIT, false);

        assertThatThrownBy(() -> sdk.control().raiseEvent(HUB, id, "Late", "1"))
                .isInstanceOfSatisfying(DurableException.class, e -> assertThat(e.reason()).isEqualTo(DurableException.Reason.WRONG_STATE))
                .hasMessageContaining("it is Completed");
        assertThatThrownBy(() -> sdk.client.raiseEvent("nobody", "Late", 1))
                .hasMessageContaining("NOT_FOUND").hasMessageContaining("no instance nobody");
        assertThatThrownBy(() -> sdk.control().terminate(HUB, id, null)).hasMessageContaining("it is Completed");
        assertThatThrownBy(() -> sdk.control().rewind(HUB, id, null)).hasMessageContaining("only Failed instances");
    }

    @Test
    void malformedJson_isRefusedNamingWhereAndNothingIsStored() {
        assertThatThrownBy(() -> sdk.control().start(HUB, "Any", Optional.empty(), "{\"city\": Tokyo}", Optional.empty()))
                .isInstanceOfSatisfying(DurableException.class, e -> assertThat(e.reason()).isEqualTo(DurableException.Reason.INVALID))
                .hasMessageContaining("the input is not valid JSON").hasMessageContaining("line 1, column");
        assertThat(sdk.control().query(HUB, InstanceQuery.all()).instances()).isEmpty();
        assertThatThrownBy(() -> sdk.control().start(HUB, " ", Optional.empty(), null, Optional.empty()))
                .hasMessageContaining("orchestration name is empty");
        assertThatThrownBy(() -> sdk.control().start(HUB, "Any", Optional.of("a/b"), null, Optional.empty()))
                .hasMessageContaining("instance id 'a/b' is not allowed");
    }

    @Test
    void secondBackendOnATakenPort_failsNamingTheFix() {
        int taken = sdk.backend.port().orElseThrow();

        assertThatThrownBy(() -> DurableBackend.start(new DurableBackend.Settings(dir.resolve("other.db"), taken,
                List.of(), true, HUB, List.of(), Clock.systemUTC(), event -> { })))
                .isInstanceOf(java.net.BindException.class)
                .hasMessageContaining("port " + taken + " on 127.0.0.1 is taken").hasMessageContaining("--durable-port");
    }

    @Test
    void startingAnIdThatIsStillRunning_isRefused() throws Exception {
        sdk.control().start(HUB, "NoWorkerYet", Optional.of("same"), null, Optional.empty());

        assertThatThrownBy(() -> sdk.client.scheduleNewOrchestrationInstance("NoWorkerYet", null, "same"))
                .hasMessageContaining("ALREADY_EXISTS").hasMessageContaining("instance same is still Pending");
    }

    @Test
    void workerVanishesMidActivity_theNextWorkerRunsItAndTheResultIsAppliedOnce() throws Exception {
        var runs = new AtomicInteger();
        var firstStarted = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var first = sdk.channel(null);
        var firstWorker = SdkHarness.worker(first, w -> w
                .addOrchestration(orchestration("One", ctx -> ctx.complete(ctx.callActivity("Slow", null, Integer.class).await())))
                .addActivity(activity("Slow", ctx -> {
                    runs.incrementAndGet();
                    firstStarted.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 1;
                })));
        var id = sdk.client.scheduleNewOrchestrationInstance("One");
        assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();

        first.shutdownNow(); // the worker's process "dies" while it holds the activity
        firstWorker.interrupt();
        sdk.worker(w -> w
                .addOrchestration(orchestration("One", ctx -> ctx.complete(ctx.callActivity("Slow", null, Integer.class).await())))
                .addActivity(activity("Slow", ctx -> { runs.incrementAndGet(); return 2; })));
        var done = sdk.client.waitForInstanceCompletion(id, WAIT, true);
        release.countDown();

        assertThat(done.readOutputAs(Integer.class)).isEqualTo(2);
        assertThat(runs.get()).as("at least once: the lost run and the rerun").isEqualTo(2);
        assertThat(sdk.control().history(HUB, id)).filteredOn(h -> h.kind() == HistoryKind.TASK_COMPLETED).hasSize(1);
        assertThat(sdk.events).filteredOn(e -> e instanceof RunnerNotice n && n.text().contains("disconnected")
                && n.text().contains("1 work item(s)")).isNotEmpty();
    }

    @Test
    void taskHubs_keepTheirInstancesAndWorkApart() throws Exception {
        var other = sdk.channel("other-hub");
        Thread otherWorker = null;
        try {
            otherWorker = SdkHarness.worker(other, w -> w.addOrchestration(orchestration("Hi", ctx -> ctx.complete("from other"))));
            var otherClient = new DurableTaskGrpcClientBuilder().grpcChannel(other).build();
            var there = otherClient.scheduleNewOrchestrationInstance("Hi");
            var here = sdk.client.scheduleNewOrchestrationInstance("Hi");

            assertThat(otherClient.waitForInstanceCompletion(there, WAIT, true).readOutputAs(String.class)).isEqualTo("from other");
            assertThat(sdk.control().instance(HUB, here).orElseThrow().status())
                    .as("no worker of test-hub: its instance waits").isEqualTo(RuntimeStatus.PENDING);
            assertThat(sdk.control().instance(HUB, there)).isEmpty();
            assertThat(sdk.control().instance("other-hub", there)).isPresent();
        } finally {
            other.shutdownNow();
            if (otherWorker != null) otherWorker.interrupt();
        }
    }
}
