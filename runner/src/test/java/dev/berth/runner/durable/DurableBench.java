package dev.berth.runner.durable;

import com.microsoft.durabletask.Task;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.berth.runner.durable.SdkPatternsTest.activity;
import static dev.berth.runner.durable.SdkPatternsTest.orchestration;

/// The durable figures of issue 4, with the real Java SDK worker and client against the backend over
/// gRPC on loopback and SQLite on disk (run by `bash scripts/bench/durable.sh`; not a test):
/// a fan-out/fan-in of 1,000 no-op activities (wall time, start to completion) and 100 sequential
/// activities (per-step latency: from one TaskScheduled to the next, as recorded in the history).
/// Prints medians over `args[0]` runs (default 7) after two warm-up runs.
public final class DurableBench {
    private static final Duration WAIT = Duration.ofMinutes(2);

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        var dir = Files.createTempDirectory("durable-bench");
        try (var sdk = new SdkHarness(dir.resolve("berth.db"))) {
            sdk.worker(w -> w
                    .addOrchestration(orchestration("FanOut", ctx -> {
                        int n = ctx.getInput(Integer.class);
                        var tasks = new ArrayList<Task<Void>>(n);
                        for (int i = 0; i < n; i++) tasks.add(ctx.callActivity("Noop", i, Void.class));
                        ctx.allOf(tasks).await();
                        ctx.complete(n);
                    }))
                    .addOrchestration(orchestration("Sequence", ctx -> {
                        int n = ctx.getInput(Integer.class);
                        for (int i = 0; i < n; i++) ctx.callActivity("Noop", i, Void.class).await();
                        ctx.complete(n);
                    }))
                    .addActivity(activity("Noop", ctx -> null)));
            var fanOut = new ArrayList<Double>();
            var steps = new ArrayList<Double>();
            var sequenceTotals = new ArrayList<Double>();
            for (int run = -2; run < runs; run++) {
                double fan = timed(sdk, "FanOut", 1000);
                double seq = timed(sdk, "Sequence", 100);
                if (run < 0) continue; // warm-up: JIT, SQLite pages, gRPC connections
                fanOut.add(fan);
                sequenceTotals.add(seq);
                steps.addAll(stepLatencies(sdk));
            }
            System.out.printf("fan-out/fan-in of 1,000 no-op activities: median %.0f ms (runs: %s)%n",
                    median(fanOut), rounded(fanOut));
            System.out.printf("100 sequential activities: per-step p50 %.2f ms, p90 %.2f ms; whole sequence median %.0f ms%n",
                    percentile(steps, 50), percentile(steps, 90), median(sequenceTotals));
        }
    }

    private static String lastSequence;

    private static double timed(SdkHarness sdk, String name, int n) throws Exception {
        long start = System.nanoTime();
        var id = sdk.client.scheduleNewOrchestrationInstance(name, n);
        var done = sdk.client.waitForInstanceCompletion(id, WAIT, false);
        double ms = (System.nanoTime() - start) / 1e6;
        if (!done.isCompleted()) throw new IllegalStateException(name + " ended " + done.getRuntimeStatus());
        if (name.equals("Sequence")) lastSequence = id;
        return ms;
    }

    /// Milliseconds between consecutive TaskScheduled events of the last sequence: one activity's round trip
    /// plus the orchestrator episode that schedules the next.
    private static List<Double> stepLatencies(SdkHarness sdk) {
        var scheduled = sdk.control().history("test-hub", lastSequence).stream()
                .filter(h -> h.kind() == HistoryKind.TASK_SCHEDULED).map(HistoryItem::timestamp).toList();
        var out = new ArrayList<Double>();
        for (int i = 1; i < scheduled.size(); i++) {
            out.add(Duration.between(scheduled.get(i - 1), scheduled.get(i)).toNanos() / 1e6);
        }
        return out;
    }

    private static double median(List<Double> values) { return percentile(values, 50); }

    private static double percentile(List<Double> values, int p) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }
}
