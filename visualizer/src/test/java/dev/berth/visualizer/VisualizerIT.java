package dev.berth.visualizer;

import dev.berth.visualizer.scale.ScaleChart;
import dev.berth.visualizer.scale.ScaleHistory;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static dev.berth.visualizer.Samples.T0;
import static dev.berth.visualizer.Samples.invocationRows;
import static dev.berth.visualizer.Samples.lines;
import static dev.berth.visualizer.Samples.produce;
import static dev.berth.visualizer.Samples.replica;
import static org.assertj.core.api.Assertions.assertThat;

/// Shows every control in one window under AtlantaFX PrimerLight and drives it as a user would.
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class VisualizerIT {
    private static final int LOG_CAPACITY = 50_000;

    private final MutableClock clock = new MutableClock(T0.plus(Duration.ofMinutes(5)));
    private LogView log;
    private InvocationTable invocations;
    private ReplicaTable replicas;
    private final ScaleHistory scale = new ScaleHistory();
    private ScaleChart chart;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        log = new LogView(LOG_CAPACITY, ZoneOffset.UTC);
        invocations = new InvocationTable(1_000, ZoneOffset.UTC);
        replicas = new ReplicaTable(ZoneOffset.UTC);
        chart = new ScaleChart(scale, clock, ZoneOffset.UTC);
        SplitPane left = new SplitPane(log, replicas);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.68);
        SplitPane right = new SplitPane(invocations, chart);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.62);
        SplitPane root = new SplitPane(left, right);
        root.setDividerPositions(0.52);
        // Fits the default Xvfb screen of xvfb-run, so the robot can reach every control.
        stage.setScene(new Scene(root, 1240, 860));
        stage.setTitle("Berth visualizer");
        stage.show();
    }

    @AfterEach
    void restoreTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void logView_100kLinesThroughCoalescer_staysResponsiveAndHoldsCapacity() throws Exception {
        List<Long> probeMillis = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        try (Coalescer<LogEntry> coalescer = new Coalescer<>(50, Platform::runLater, log::append)) {
            Thread producer = Thread.ofPlatform().name("log-producer").start(() -> produce(coalescer, 100_000));
            while (producer.isAlive()) {
                probeMillis.add(probeFxLatencyMillis());
                Thread.sleep(20);
            }
            producer.join();
        }
        long producedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        awaitFx(() -> log.size() == LOG_CAPACITY
                && log.visibleLines().getLast().text().startsWith("line 99999 "), 30_000);
        assertThat(probeMillis).isNotEmpty();
        assertThat(onFx(() -> log.visibleLines().size())).isEqualTo(LOG_CAPACITY);
        assertThat(onFx(() -> log.visibleLines().getFirst().text())).startsWith("line 50000 ");
        writeMetrics(producedMillis, probeMillis);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(this::lastLineCellShown)).as("follow keeps the newest line in sight").isTrue();
        onFx(() -> Screenshots.save(stage.getScene().getRoot(), "01-all-controls-light"));
    }

    @Test
    void logView_textAndSourceFilter_showOnlyMatchingLines(FxRobot robot) {
        onFx(() -> {
            List<LogEntry> lines = new ArrayList<>();
            for (int n = 0; n < 2_000; n++) {
                String source = n % 2 == 0 ? "orders-7f9c-0" : "orders-7f9c-1";
                String text = n % 50 == 0 ? "ERROR timeout calling inventory (" + n + ")" : "GET /api/orders/" + n + " 200";
                lines.add(new LogEntry(T0.plusMillis(n * 7L), source, n % 50 == 0 ? "stderr" : "stdout", text));
            }
            log.append(lines);
            return null;
        });
        robot.clickOn("#log-filter").write("error");
        awaitFx(() -> log.visibleLines().size() == 40, 5_000);
        assertThat(onFx(() -> log.visibleLines().stream().allMatch(l -> l.text().contains("ERROR")))).isTrue();
        assertThat(shownLogTexts()).isNotEmpty().allMatch(text -> text.contains("ERROR"))
                .as("following: the newest match is in sight").contains("ERROR timeout calling inventory (1950)");
        onFx(() -> Screenshots.save(log, "02-log-filtered-text"));

        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> sources = (ComboBox<String>) log.lookup("#log-source");
            assertThat(sources.getItems()).containsExactly(null, "orders-7f9c-0", "orders-7f9c-1");
            sources.setValue("orders-7f9c-0");
            return null;
        });
        assertThat(onFx(() -> log.visibleLines().size())).isEqualTo(40);
        robot.doubleClickOn("#log-filter").eraseText(5);
        awaitFx(() -> log.visibleLines().size() == 1_000, 5_000);
        assertThat(onFx(() -> log.visibleLines().stream().allMatch(l -> l.source().equals("orders-7f9c-0")))).isTrue();
        onFx(() -> Screenshots.save(log, "03-log-filtered-source"));

        onFx(() -> {
            log.textFilterProperty().set("no such text");
            return null;
        });
        assertThat(onFx(() -> log.visibleLines().isEmpty())).isTrue();
        assertThat(onFx(() -> ((TextField) log.lookup("#log-filter")).getText())).isEqualTo("no such text");
        assertThat(onFx(() -> ((Label) log.listView().getPlaceholder()).getText())).isEqualTo(LogView.NO_MATCH);
    }

    @Test
    void logView_ctrlC_copiesSelectedLines(FxRobot robot) {
        onFx(() -> {
            log.append(List.of(new LogEntry(T0, "r1", "stdout", "first"), new LogEntry(T0, "r1", "stderr", "second")));
            log.listView().getSelectionModel().selectAll();
            log.listView().requestFocus();
            return null;
        });
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        String copied = onFx(() -> Clipboard.getSystemClipboard().getString());
        assertThat(copied).isEqualTo("09:00:00.000  r1  first\n09:00:00.000  r1 [stderr]  second\n");
    }

    @Test
    void logView_scrollUp_turnsFollowOffAndEndTurnsItOn(FxRobot robot) {
        onFx(() -> {
            log.append(lines(0, 5_000));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(log.listView()).scroll(5, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> log.followProperty().get())).isFalse();
        onFx(() -> {
            log.append(lines(5_000, 5_100));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(this::lastLineCellShown)).as("not following: the view stays put").isFalse();
        robot.clickOn(log.listView()).type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> log.followProperty().get())).isTrue();
        assertThat(onFx(this::lastLineCellShown)).isTrue();
    }

    @Test
    void invocationTable_selectRow_showsRequestAndResponse(FxRobot robot) {
        assertThat(onFx(() -> ((Label) invocations.tableView().getPlaceholder()).getText()))
                .isEqualTo("No invocations yet — call a function");
        onFx(() -> {
            invocations.add(invocationRows(40));
            return null;
        });
        assertThat(onFx(() -> invocations.rows().getFirst().id())).isEqualTo("inv-39");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("inv-fn-37");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> invocations.selectedProperty().get().id())).isEqualTo("inv-37");
        assertThat(onFx(() -> ((TextArea) invocations.lookup("#detail-request")).getText()))
                .contains("\"orderId\": 37");
        assertThat(onFx(() -> ((TextArea) invocations.lookup("#detail-response")).getText()))
                .contains("\"statusCode\": 500");
        onFx(() -> {
            invocations.add(invocationRows(40, 45));
            return null;
        });
        assertThat(onFx(() -> invocations.selectedProperty().get().id())).as("selection survives adds")
                .isEqualTo("inv-37");
        onFx(() -> Screenshots.save(invocations, "04-invocations-selected"));
    }

    @Test
    void replicaTable_update_replacesByIdAndKeepsSelection() {
        onFx(() -> {
            replicas.update(List.of(replica("orders-7f9c-0", "READY", 0), replica("orders-7f9c-1", "STARTING", 0),
                    replica("orders-7f9c-2", "CRASHED", 2)));
            replicas.tableView().getSelectionModel().select(1);
            replicas.update(List.of(replica("orders-7f9c-0", "READY", 0), replica("orders-7f9c-1", "READY", 0),
                    replica("orders-7f9c-2", "RESTARTING", 3), replica("orders-7f9c-3", "STOPPED", 0)));
            return null;
        });
        assertThat(onFx(() -> replicas.selectedProperty().get())).isEqualTo(replica("orders-7f9c-1", "READY", 0));
        onFx(() -> {
            replicas.update(List.of(replica("orders-7f9c-3", "STOPPED", 0), replica("orders-7f9c-1", "READY", 1)));
            return null;
        });
        assertThat(onFx(() -> replicas.selectedProperty().get().id())).isEqualTo("orders-7f9c-1");
        assertThat(onFx(() -> replicas.rows().stream().map(ReplicaRow::id).toList()))
                .containsExactly("orders-7f9c-3", "orders-7f9c-1");
        onFx(() -> {
            replicas.update(List.of(replica("orders-7f9c-0", "READY", 0), replica("orders-7f9c-1", "READY", 1),
                    replica("orders-7f9c-5", "STARTING", 0), replica("orders-7f9c-2", "RESTARTING", 3),
                    replica("orders-7f9c-4", "FAILED", 5), replica("orders-7f9c-3", "STOPPED", 0)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Set<String> badges = onFx(() -> replicas.lookupAll(".state-badge").stream()
                .filter(Node::isVisible).map(node -> ((Label) node).getText()).collect(Collectors.toSet()));
        assertThat(badges).contains("READY", "RESTARTING", "STOPPED", "FAILED", "STARTING");
        onFx(() -> Screenshots.save(replicas, "05-replicas"));
    }

    @Test
    void scaleChart_replicaStepsAndDecisions_drawTheMarkersInTheWindow() {
        onFx(() -> {
            int[][] steps = {{0, 0}, {0, 1}, {1, 1}, {1, 3}, {3, 3}, {3, 5}, {5, 5}, {4, 4}, {2, 2}, {2, 3}};
            for (int i = 0; i < steps.length; i++) {
                clock.set(T0.plus(Duration.ofSeconds(40L * i)));
                scale.replicas("orders--r1", clock.instant(), steps[i][0], steps[i][1]);
                scale.decision("orders--r1", new dev.berth.visualizer.scale.ScaleMarker(clock.instant(), steps[i][0],
                        steps[i][1], "http", "step " + i, List.of()));
            }
            clock.set(T0.plus(Duration.ofMinutes(7)));
            scale.replicas("orders--r1", clock.instant(), 2, 3);
            chart.refresh();
            return null;
        });
        // The window is the last 5 minutes: decisions from minute 2 on.
        assertThat(onFx(() -> chart.drawnMarkers())).extracting(dev.berth.visualizer.scale.ScaleMarker::reason)
                .containsExactly("step 3", "step 4", "step 5", "step 6", "step 7", "step 8", "step 9");
        onFx(() -> Screenshots.save(chart, "06-chart-light"));
    }

    @Test
    void allControls_primerDark_lookRight() {
        onFx(() -> {
            log.append(lines(0, 200));
            invocations.add(invocationRows(12));
            replicas.update(List.of(replica("orders-7f9c-0", "READY", 0), replica("orders-7f9c-1", "STARTING", 0),
                    replica("orders-7f9c-2", "CRASHED", 2), replica("orders-7f9c-3", "STOPPED", 0)));
            for (int i = 0; i < 8; i++) {
                clock.set(T0.plus(Duration.ofSeconds(35L * i)));
                scale.replicas("orders--r1", clock.instant(), Math.min(i, 3), Math.min(i + 1, 4));
            }
            chart.refresh();
            invocations.select(invocations.rows().get(2));
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> Screenshots.save(stage.getScene().getRoot(), "07-all-controls-dark"));
        onFx(() -> {
            log.append(lines(200, 230));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> Screenshots.save(stage.getScene().getRoot(), "08-all-controls-dark-later"));
        assertThat(Files.exists(Screenshots.DIR.resolve("07-all-controls-dark.png"))).isTrue();
    }

    // ---- helpers ----

    private static long probeFxLatencyMillis() throws InterruptedException {
        long sent = System.nanoTime();
        CountDownLatch answered = new CountDownLatch(1);
        Platform.runLater(answered::countDown);
        assertThat(answered.await(20, TimeUnit.SECONDS)).as("FX thread answered a probe").isTrue();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
    }

    private static void writeMetrics(long producedMillis, List<Long> probes) throws IOException {
        List<Long> sorted = new ArrayList<>(probes);
        Collections.sort(sorted);
        String text = "100000 lines offered in %d ms; FX probe latency over %d probes: median %d ms, p95 %d ms, max %d ms%n"
                .formatted(producedMillis, sorted.size(), sorted.get(sorted.size() / 2),
                        sorted.get((int) (sorted.size() * 0.95)), sorted.getLast());
        Files.createDirectories(Screenshots.DIR);
        Files.writeString(Screenshots.DIR.resolve("log-responsiveness.txt"), text);
    }

    private boolean lastLineCellShown() {
        int last = log.visibleLines().size() - 1;
        return log.listView().lookupAll(".log-cell").stream()
                .anyMatch(node -> node instanceof LogCell cell && cell.isVisible() && cell.getIndex() == last
                        && cell.localToScene(cell.getBoundsInLocal()).getMaxY()
                        <= log.listView().localToScene(log.listView().getBoundsInLocal()).getMaxY() + 1);
    }

    private List<String> shownLogTexts() {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> log.listView().lookupAll(".log-cell").stream()
                .filter(node -> node instanceof LogCell cell && cell.isVisible() && !cell.isEmpty())
                .map(node -> ((LogCell) node).getItem().text()).toList());
    }

    private static <T> T onFx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX work failed", e);
        }
    }

    private static void awaitFx(BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met on the FX thread within " + timeoutMillis + " ms");
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
