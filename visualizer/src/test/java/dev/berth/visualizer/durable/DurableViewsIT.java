package dev.berth.visualizer.durable;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
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

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// The durable views in one window under AtlantaFX, driven as a user would: golden histories on the
/// timeline, a bar clicked for its payloads, and a 50,000-event history opened and scrolled.
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DurableViewsIT {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Clock clock = Clock.fixed(Histories.T0.plusSeconds(4), ZoneOffset.UTC);
    private InstanceList instances;
    private TimelineView timeline;
    private BarDetail detail;
    private HistoryTable history;
    private OrchestratorLogView log;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        instances = new InstanceList(ZoneOffset.UTC);
        timeline = new TimelineView(clock);
        detail = new BarDetail(clock, ZoneOffset.UTC);
        history = new HistoryTable(ZoneOffset.UTC);
        log = new OrchestratorLogView(ZoneOffset.UTC);
        timeline.selectedBarProperty().addListener((obs, old, bar) -> detail.show(bar));
        SplitPane top = new SplitPane(timeline, detail);
        top.setDividerPositions(0.7);
        SplitPane bottom = new SplitPane(history, log);
        SplitPane right = new SplitPane(top, bottom);
        right.setOrientation(Orientation.VERTICAL);
        SplitPane root = new SplitPane(instances, right);
        root.setDividerPositions(0.28);
        stage.setScene(new Scene(root, 1500, 900));
        stage.show();
    }

    @AfterEach
    void lightAgain() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void timeline_retryHistory_drawsItsLanesAndAClickShowsTheBarsPayloads(FxRobot robot) throws Exception {
        Timeline retry = GoldenHistoryTest.timeline("retry");
        fx(() -> {
            timeline.setTimeline(retry, false);
            history.setHistory(HistoryJson.read(Files.readString(GoldenHistoryTest.GOLDEN.resolve("retry.json"))), false);
            instances.setInstances(List.of(new InstanceRow("reserve-1", "ReserveWithRetry", "Completed", Histories.T0,
                    Histories.T0.plusSeconds(3), null), new InstanceRow("reserve-2", "ReserveWithRetry", "Failed",
                    Histories.T0, Histories.T0.plusSeconds(9), null)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(timeline::drawnLaneLabels)).containsExactly("ReserveWithRetry", "ReserveStock", "timer");
        assertThat(fx(timeline::drawnBars)).hasSize(6);

        Bar success = retry.barsOf(1).getLast();
        robot.clickOn(fx(() -> timeline.localToScreen(timeline.centerOf(success).orElseThrow())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> timeline.selectedBarProperty().get().attempt())).isEqualTo(3);
        assertThat(fx(() -> ((JsonViewer) detail.lookup("#barOutput").getParent()).text()))
                .isEqualTo("{\n  \"reservation\": \"r-9\"\n}");
        assertThat(fx(() -> ((javafx.scene.control.Label) detail.lookup("#barTitle")).getText()))
                .isEqualTo("ReserveStock · activity · attempt 3");
        screenshot(stage.getScene().getRoot(), "durable-retry-light");
    }

    @Test
    void timeline_50kEventHistory_rendersAndScrollsByWheelAndKeys(FxRobot robot) throws Exception {
        List<HistoryRow> events = Histories.fanOut(24_999, 100);
        Timeline big = TimelineModel.build(events);
        fx(() -> {
            timeline.setTimeline(big, false);
            history.setHistory(events, false);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(timeline::drawnBars)).isNotEmpty();
        assertThat(fx(timeline::drawnLaneLabels)).first().isEqualTo("BigFanOut");

        robot.moveTo(timeline).scroll(10, VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(timeline::scrollPosition)).isPositive();
        assertThat(fx(timeline::drawnLaneLabels)).doesNotContain("BigFanOut");

        robot.clickOn(timeline).type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(timeline::drawnLaneLabels)).last().isEqualTo(big.lanes().getLast().label());
        assertThat(fx(timeline::drawnBars)).isNotEmpty();

        fx(() -> {
            history.tableView().scrollTo(events.size() - 1);
            history.select(events.size() - 2);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> history.selectedProperty().get().sequence())).isEqualTo(events.size() - 2);
        screenshot(stage.getScene().getRoot(), "durable-50k-light");
    }

    @Test
    void views_darkTheme_showRunningInstanceAndLog() throws Exception {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        fx(() -> {
            timeline.setTimeline(GoldenHistoryTest.timeline("continue-as-new"), false);
            OrchestratorLog lines = new OrchestratorLog(100);
            lines.add(Histories.T0, false, "count is 0, waiting 2 s");
            lines.add(Histories.T0.plusSeconds(2), true, "count is 0, waiting 2 s");
            lines.add(Histories.T0.plusSeconds(2), false, "continuing as new with count 1");
            log.setEntries(lines.entries());
            instances.setInstances(List.of(new InstanceRow("counter", "Counter", "Running", Histories.T0,
                    Histories.T0.plusSeconds(2), null)));
            instances.select("counter");
            timeline.select(timeline.timeline().barsOf(2).getFirst());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> timeline.selectedBarProperty().get().state())).isEqualTo(Bar.State.RUNNING);
        assertThat(fx(() -> instances.selectedProperty().get().instanceId())).isEqualTo("counter");
        screenshot(stage.getScene().getRoot(), "durable-running-dark");
    }

    @Test
    void instanceList_selectionByIdOutlivesRefreshesAndWaitsForANewInstance() throws Exception {
        InstanceRow a = new InstanceRow("a", "Flow", "Running", Histories.T0, Histories.T0, null);
        InstanceRow b = new InstanceRow("b", "Flow", "Running", Histories.T0, Histories.T0, null);
        fx(() -> {
            instances.setInstances(List.of(a));
            instances.select("a");
            instances.select("b"); // just started: not listed yet
            return null;
        });
        assertThat(fx(() -> instances.selectedProperty().get().instanceId())).as("until b is listed").isEqualTo("a");
        fx(() -> {
            instances.setInstances(List.of(b, a));
            return null;
        });
        assertThat(fx(() -> instances.selectedProperty().get().instanceId())).isEqualTo("b");
        fx(() -> {
            instances.setInstances(List.of(a, new InstanceRow("b", "Flow", "Completed", Histories.T0, Histories.T0, null)));
            return null;
        });
        assertThat(fx(() -> instances.selectedProperty().get().status())).as("the refreshed row").isEqualTo("Completed");
        assertThat(fx(() -> instances.tableView().getSelectionModel().getSelectedIndex())).isEqualTo(1);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    private static void screenshot(Node node, String name) throws Exception {
        var image = fx(() -> node.snapshot(null, null));
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SCREENSHOTS.resolve(name + ".png").toFile());
    }
}
