package dev.berth.runner.durable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.microsoft.durabletask.RetryPolicy;
import com.microsoft.durabletask.Task;
import com.microsoft.durabletask.TaskCanceledException;
import com.microsoft.durabletask.TaskOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.berth.runner.durable.SdkPatternsTest.activity;
import static dev.berth.runner.durable.SdkPatternsTest.orchestration;

/// Records real histories — the real SDK's worker against Berth's backend — in the visualizer's golden
/// format (`visualizer/src/test/resources/golden/README.md`): `java … GoldenHistoryRecorder <folder>` writes
/// `recorded-<pattern>.json` there. Not a test; rerun it when the backend's recording changes on purpose.
public final class GoldenHistoryRecorder {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        var out = Path.of(args[0]);
        var attempts = new AtomicInteger();
        try (var sdk = new SdkHarness(Files.createTempDirectory("golden").resolve("berth.db"))) {
            sdk.worker(w -> w
                    .addOrchestration(orchestration("Chaining", ctx -> {
                        var out1 = new ArrayList<String>();
                        for (var city : List.of("Tokyo", "Seattle", "London")) out1.add(ctx.callActivity("SayHello", city, String.class).await());
                        ctx.complete(out1);
                    }))
                    .addOrchestration(orchestration("FanOut", ctx -> {
                        var tasks = new ArrayList<Task<Integer>>();
                        for (int i = 1; i <= 5; i++) tasks.add(ctx.callActivity("Square", i, Integer.class));
                        ctx.complete(ctx.allOf(tasks).await().stream().mapToInt(Integer::intValue).sum());
                    }))
                    .addOrchestration(orchestration("Monitor", ctx -> {
                        for (int i = 0; i < 3; i++) {
                            if (ctx.callActivity("Check", i, Boolean.class).await()) break;
                            ctx.createTimer(Duration.ofMillis(200)).await();
                        }
                        ctx.complete("done");
                    }))
                    .addOrchestration(orchestration("Approval", ctx -> {
                        try {
                            ctx.complete(ctx.waitForExternalEvent("Approval", Duration.ofMillis(300), Boolean.class).await());
                        } catch (TaskCanceledException timeout) {
                            ctx.complete("escalated");
                        }
                    }))
                    .addOrchestration(orchestration("Retry", ctx -> ctx.complete(ctx.callActivity("Flaky", null,
                            new TaskOptions(new RetryPolicy(3, Duration.ofMillis(100))), String.class).await())))
                    .addOrchestration(orchestration("Parent", ctx ->
                            ctx.complete(ctx.callSubOrchestrator("Child", 20, Integer.class).await() + 1)))
                    .addOrchestration(orchestration("Child", ctx -> ctx.complete(ctx.callActivity("Square", ctx.getInput(Integer.class), Integer.class).await())))
                    .addOrchestration(orchestration("Failing", ctx -> ctx.complete(ctx.callActivity("Boom", null, String.class).await())))
                    .addActivity(activity("SayHello", ctx -> "Hello " + ctx.getInput(String.class) + "!"))
                    .addActivity(activity("Square", ctx -> { int x = ctx.getInput(Integer.class); return x * x; }))
                    .addActivity(activity("Check", ctx -> ctx.getInput(Integer.class) == 2))
                    .addActivity(activity("Flaky", ctx -> {
                        if (attempts.incrementAndGet() < 3) throw new IllegalStateException("try again");
                        return "third time lucky";
                    }))
                    .addActivity(activity("Boom", ctx -> { throw new IllegalArgumentException("card declined"); })));
            record(sdk, out, "chaining", sdk.client.scheduleNewOrchestrationInstance("Chaining"));
            record(sdk, out, "fan-out-fan-in", sdk.client.scheduleNewOrchestrationInstance("FanOut"));
            record(sdk, out, "monitor-timers", sdk.client.scheduleNewOrchestrationInstance("Monitor"));
            record(sdk, out, "external-event-timeout", sdk.client.scheduleNewOrchestrationInstance("Approval"));
            var approved = sdk.client.scheduleNewOrchestrationInstance("Approval");
            sdk.client.waitForInstanceStart(approved, WAIT);
            sdk.client.raiseEvent(approved, "Approval", true);
            record(sdk, out, "external-event", approved);
            record(sdk, out, "retry", sdk.client.scheduleNewOrchestrationInstance("Retry"));
            record(sdk, out, "sub-orchestration", sdk.client.scheduleNewOrchestrationInstance("Parent"));
            record(sdk, out, "failure", sdk.client.scheduleNewOrchestrationInstance("Failing"));
        }
    }

    private static void record(SdkHarness sdk, Path out, String name, String id) throws Exception {
        sdk.client.waitForInstanceCompletion(id, WAIT, false);
        ArrayNode rows = JSON.createArrayNode();
        for (var item : sdk.control().history("test-hub", id)) {
            var row = rows.addObject();
            row.put("sequence", item.sequence());
            row.put("eventId", item.eventId());
            row.put("kind", item.kind().azureName());
            row.put("timestamp", item.timestamp().toString());
            row.put("name", item.name().isEmpty() ? null : item.name());
            row.put("taskId", item.taskId());
            row.put("data", item.data());
            row.put("failure", item.failure().map(Failure::describe).orElse(null));
            row.put("fireAt", item.fireAt().map(Object::toString).orElse(null));
            row.put("target", item.target());
            row.put("status", item.status().map(RuntimeStatus::azureName).orElse(null));
        }
        var text = new StringBuilder("[\n");
        for (int i = 0; i < rows.size(); i++) {
            text.append("  ").append(JSON.writeValueAsString(rows.get(i))).append(i + 1 < rows.size() ? ",\n" : "\n");
        }
        Files.writeString(out.resolve("recorded-" + name + ".json"), text.append("]\n"));
    }
}
