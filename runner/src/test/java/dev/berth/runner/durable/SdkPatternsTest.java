package dev.berth.runner.durable;

import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import com.microsoft.durabletask.Task;
import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityFactory;
import com.microsoft.durabletask.TaskOrchestration;
import com.microsoft.durabletask.TaskOrchestrationFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The orchestration patterns, run by the real Durable Task SDK for Java (client and worker) against
/// Berth's backend over gRPC on loopback.
class SdkPatternsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir Path dir;
    private SdkHarness sdk;

    @BeforeEach
    void start() throws Exception {
        sdk = new SdkHarness(dir.resolve("berth.db"));
    }

    @AfterEach
    void stop() throws Exception {
        sdk.close();
    }

    static TaskOrchestrationFactory orchestration(String name, TaskOrchestration body) {
        return new TaskOrchestrationFactory() {
            @Override public String getName() { return name; }
            @Override public TaskOrchestration create() { return body; }
        };
    }

    static TaskActivityFactory activity(String name, TaskActivity body) {
        return new TaskActivityFactory() {
            @Override public String getName() { return name; }
            @Override public TaskActivity create() { return body; }
        };
    }

    @Test
    void chaining_threeActivitiesInSequence_completesWithTheirResults() throws Exception {
        sdk.worker(w -> w
                .addOrchestration(orchestration("Chain", ctx -> {
                    var out = new ArrayList<String>();
                    for (var city : List.of("Tokyo", "Seattle", "London")) {
                        out.add(ctx.callActivity("SayHello", city, String.class).await());
                    }
                    ctx.complete(out);
                }))
                .addActivity(activity("SayHello", ctx -> "Hello " + ctx.getInput(String.class) + "!")));

        var id = sdk.client.scheduleNewOrchestrationInstance("Chain");
        var done = sdk.client.waitForInstanceCompletion(id, WAIT, true);

        assertThat(done.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.COMPLETED);
        assertThat(done.readOutputAs(List.class)).containsExactly("Hello Tokyo!", "Hello Seattle!", "Hello London!");
        var kinds = sdk.control().history("test-hub", id).stream().map(HistoryItem::kind).toList();
        assertThat(kinds).filteredOn(k -> k == HistoryKind.TASK_SCHEDULED).hasSize(3);
        assertThat(kinds).filteredOn(k -> k == HistoryKind.TASK_COMPLETED).hasSize(3);
        assertThat(kinds).last().isEqualTo(HistoryKind.ORCHESTRATOR_COMPLETED);
        assertThat(kinds).contains(HistoryKind.EXECUTION_COMPLETED);
    }

    @Test
    void fanOutFanIn_hundredActivities_sumsAllResults() throws Exception {
        sdk.worker(w -> w
                .addOrchestration(orchestration("FanOut", ctx -> {
                    int n = ctx.getInput(Integer.class);
                    var tasks = new ArrayList<Task<Integer>>();
                    for (int i = 1; i <= n; i++) tasks.add(ctx.callActivity("Square", i, Integer.class));
                    ctx.complete(ctx.allOf(tasks).await().stream().mapToInt(Integer::intValue).sum());
                }))
                .addActivity(activity("Square", ctx -> {
                    int x = ctx.getInput(Integer.class);
                    return x * x;
                })));

        var id = sdk.client.scheduleNewOrchestrationInstance("FanOut", 100);
        var done = sdk.client.waitForInstanceCompletion(id, WAIT, true);

        assertThat(done.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.COMPLETED);
        assertThat(done.readOutputAs(Integer.class)).isEqualTo(338_350);
        var completed = sdk.control().history("test-hub", id).stream()
                .filter(h -> h.kind() == HistoryKind.TASK_COMPLETED).map(HistoryItem::taskId).toList();
        assertThat(completed).hasSize(100).doesNotHaveDuplicates();
    }
}
