package dev.berth.visualizer.durable;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/// Opens a 50,000-event history in a shown [TimelineView] and prints what it costs: building the timeline
/// (median of 10, wall time), the first frame, and the FX thread's CPU time per frame while scrolling through
/// every lane a page at a time one lane at a time and while zooming. A developer tool, not a test; its output is the point,
/// hence System.out. From the repository root (needs a display; Xvfb is fine):
/// ```
/// mvn -B -q -ntp -pl visualizer test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
/// xvfb-run -a java -cp visualizer/target/test-classes:visualizer/target/classes:$(cat visualizer/target/cp.txt) \
///     dev.berth.visualizer.durable.TimelineScrollBench
/// ```
public final class TimelineScrollBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TimelineScrollBench() {
    }

    public static void main(String[] args) throws Exception {
        List<HistoryRow> history = Histories.fanOut(24_999, 100);
        long[] builds = new long[10];
        Timeline timeline = null;
        for (int i = 0; i < builds.length; i++) {
            long start = System.nanoTime();
            timeline = TimelineModel.build(history);
            builds[i] = System.nanoTime() - start;
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        TimelineView view = fx(() -> {
            TimelineView shown = new TimelineView();
            Stage stage = new Stage();
            stage.setScene(new Scene(shown, 1200, 700));
            stage.show();
            return shown;
        });
        Timeline big = timeline;
        long firstFrame = fx(() -> cpu(() -> {
            view.setTimeline(big, false);
            view.applyCss();
            view.layout();
        }));
        double page = TimelineLayout.ROW;
        int pages = (int) Math.ceil(big.lanes().size() * TimelineLayout.ROW / page);
        long[] scroll = new long[pages];
        for (int p = 0; p < pages; p++) {
            double y = p * page;
            scroll[p] = fx(() -> cpu(() -> view.scrollTo(y)));
        }
        long[] zoom = new long[40];
        for (int z = 0; z < zoom.length; z++) {
            boolean in = z < zoom.length / 2;
            zoom[z] = fx(() -> cpu(() -> view.fireEvent(new javafx.scene.input.KeyEvent(
                    javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", in ? javafx.scene.input.KeyCode.PLUS
                    : javafx.scene.input.KeyCode.MINUS, false, false, false, false))));
        }
        System.out.printf("history: %d events -> %d lanes, %d bars%n", history.size(), big.lanes().size(), big.bars().size());
        System.out.printf("timeline build (wall): median %.1f ms, max %.1f ms%n", ms(percentile(builds, 50)), ms(percentile(builds, 100)));
        System.out.printf("first frame (FX CPU, set + CSS + layout + paint): %.1f ms%n", ms(firstFrame));
        System.out.printf("scroll, %d steps of one lane (FX CPU per frame): median %.2f ms, p90 %.2f ms, max %.2f ms%n", pages,
                ms(percentile(scroll, 50)), ms(percentile(scroll, 90)), ms(percentile(scroll, 100)));
        System.out.printf("zoom in/out, %d steps (FX CPU per frame): median %.2f ms, p90 %.2f ms, max %.2f ms%n", zoom.length,
                ms(percentile(zoom, 50)), ms(percentile(zoom, 90)), ms(percentile(zoom, 100)));
        Platform.exit();
    }

    private static long cpu(Runnable work) {
        long start = THREADS.getCurrentThreadCpuTime();
        work.run();
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (sorted.length - 1) * p / 100)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
