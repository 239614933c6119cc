package dev.berth.visualizer.bench;

import dev.berth.visualizer.LogEntry;
import dev.berth.visualizer.LogView;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/// Appends 100k lines in 1k-line batches to a shown LogView and prints the heap used after GC and
/// the median times per batch: the FX thread's CPU time for the append alone and with CSS and
/// layout, and the wall time until the next frame was rendered. A developer tool, not a test; its output is the point, hence
/// System.out. Run from the repository root (needs a display; Xvfb is fine):
/// ```
/// mvn -B -q -ntp -pl visualizer test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
/// xvfb-run -a java -cp visualizer/target/test-classes:visualizer/target/classes:$(cat visualizer/target/cp.txt) \
///     dev.berth.visualizer.bench.LogViewMemoryBench [capacity]
/// ```
public final class LogViewMemoryBench {
    private static final int LINES = 100_000;
    private static final int BATCH = 1_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LogViewMemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int capacity = args.length > 0 ? Integer.parseInt(args[0]) : LINES;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        long heapBefore = usedHeapAfterGc();
        LogView view = onFx(() -> {
            LogView shown = new LogView(capacity);
            Stage stage = new Stage();
            stage.setScene(new Scene(shown, 1000, 700));
            stage.show();
            return shown;
        });
        long[] fxWork = new long[LINES / BATCH];
        long[] appendOnly = new long[LINES / BATCH];
        long[] frame = new long[LINES / BATCH];
        for (int b = 0; b < LINES / BATCH; b++) {
            List<LogEntry> batch = batch(b);
            long sent = System.nanoTime();
            int index = b;
            // Thread CPU time, not wall time: on a busy machine the wall clock mostly measures
            // the other processes.
            fxWork[b] = onFx(() -> {
                long start = THREADS.getCurrentThreadCpuTime();
                view.append(batch);
                appendOnly[index] = THREADS.getCurrentThreadCpuTime() - start;
                view.applyCss();
                view.layout();
                return THREADS.getCurrentThreadCpuTime() - start;
            });
            awaitNextFrame();
            frame[b] = System.nanoTime() - sent;
        }
        long heapAfter = usedHeapAfterGc();
        System.out.printf("lines held: %d (capacity %d)%n", onFx(view::size), capacity);
        System.out.printf("heap used after GC: before %.1f MiB, after %.1f MiB, log view %.1f MiB (%.0f bytes/line)%n",
                mib(heapBefore), mib(heapAfter), mib(heapAfter - heapBefore),
                (heapAfter - heapBefore) / (double) Math.min(LINES, capacity));
        System.out.printf("per 1k-line batch: append alone (FX CPU time) median %.3f ms (p90 %.3f)%n",
                millis(percentile(appendOnly, 50)), millis(percentile(appendOnly, 90)));
        System.out.printf("per 1k-line batch: append + CSS + layout (FX CPU time) median %.2f ms (p90 %.2f), wall time until the next frame median %.2f ms (p90 %.2f)%n",
                millis(percentile(fxWork, 50)), millis(percentile(fxWork, 90)),
                millis(percentile(frame, 50)), millis(percentile(frame, 90)));
        Platform.exit();
    }

    private static List<LogEntry> batch(int b) {
        List<LogEntry> lines = new ArrayList<>(BATCH);
        Instant t0 = Instant.now();
        for (int i = 0; i < BATCH; i++) {
            int n = b * BATCH + i;
            lines.add(new LogEntry(t0.plusNanos(i * 1_000L), "orders-7f9c-" + (n % 4), n % 97 == 0 ? "stderr" : "stdout",
                    "line " + n + " handled POST /api/orders/" + n + " in 3 ms, 212 bytes, trace 4bf92f3577b34da6"));
        }
        return lines;
    }

    /// Waits until a frame after the current one was rendered: a pulse renders, then the next
    /// runLater runs.
    private static void awaitNextFrame() throws Exception {
        onFx(() -> {
            Platform.requestNextPulse();
            return null;
        });
        onFx(() -> null);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
