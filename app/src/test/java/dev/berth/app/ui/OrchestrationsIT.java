package dev.berth.app.ui;

import dev.berth.app.Composition;
import dev.berth.app.ui.fakes.FakeDurable;
import dev.berth.app.ui.fakes.FakeEngine;
import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.FakeTemplates;
import dev.berth.editor.CodeEditor;
import dev.berth.runner.durable.HistoryItem;
import dev.berth.runner.durable.HistoryKind;
import dev.berth.runner.durable.RuntimeStatus;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.OrchestrationChanged;
import dev.berth.visualizer.durable.Bar;
import dev.berth.visualizer.durable.HistoryTable;
import dev.berth.visualizer.durable.InstanceList;
import dev.berth.visualizer.durable.TimelineView;
import javafx.geometry.Orientation;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.matcher.control.LabeledMatchers;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import static dev.berth.app.ui.UiTestSupport.onFx;
import static dev.berth.app.ui.UiTestSupport.screenshot;
import static dev.berth.app.ui.fakes.FakeDurable.info;
import static org.assertj.core.api.Assertions.assertThat;

/// The Orchestrations tab in the real desktop UI, over a fake runner whose session has an in-memory durable
/// backend: the instance list, an instance's timeline (bars counted, one clicked for its output), the
/// history, live updates from run events, the start dialog's JSON check, and a 50,000-event history opened
/// and scrolled. Screenshots go to target/screenshots.
@Tag("ui")
class OrchestrationsIT extends AppUiTest {
    private static final long TIMEOUT_S = 20;
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private final FakeDurable durable = new FakeDurable();
    private FakeRunner runner;

    @Test
    void orchestrationsTab_showsTimelineHistoryAndLog_updatesLive_andStartsAnInstance() throws Exception {
        durable.put(info("hello-1", "HelloCities", RuntimeStatus.COMPLETED, T0, "[\"Hello Tokyo!\",\"Hello Seattle!\"]"),
                FakeDurable.History.chain(T0, "HelloCities", "SayHello", "Tokyo", "Seattle", "London"));
        var now = Instant.now();
        durable.put(info("approval-7", "ApprovalWorkflow", RuntimeStatus.RUNNING, now.minusSeconds(3), null), waiting(now));
        durable.put(info("charge-9", "ChargeOrder", RuntimeStatus.FAILED, T0.minusSeconds(60), null), List.of());
        durable.declared = List.of("ApprovalWorkflow", "HelloCities");
        runAndOpenTab();
        waitUntil(() -> listed().size() == 3);

        clickOn(cell("hello-1"));
        var timeline = lookup("#timelineView").queryAs(TimelineView.class);
        waitUntil(() -> onFx(timeline::drawnLaneLabels).equals(List.of("HelloCities", "SayHello")));
        assertThat(onFx(timeline::drawnBars)).extracting(Bar::kind).containsExactly(Bar.Kind.ORCHESTRATION,
                Bar.Kind.ACTIVITY, Bar.Kind.ACTIVITY, Bar.Kind.ACTIVITY);
        var seattle = onFx(() -> timeline.drawnBars().get(2));
        clickOn(onFx(() -> timeline.localToScreen(timeline.centerOf(seattle).orElseThrow())));
        waitUntil(() -> text("#barOutput").equals("\"Hello Seattle!\""));
        assertThat(text("#barInput")).isEqualTo("\"Seattle\"");
        assertThat(lookup("#instanceFacts").queryAs(Label.class).getText()).contains("8 events");
        screenshot(stage.getScene(), "orchestrations-timeline.png");

        clickOn("#historyTab");
        var history = lookup("#historyTable").queryAs(javafx.scene.control.TableView.class);
        assertThat(history.getItems()).hasSize(8);
        assertThat(onFx(() -> history.getSelectionModel().getSelectedIndex())).as("the clicked bar's event").isEqualTo(3);
        waitUntil(() -> text("#historyData").equals("\"Seattle\""));
        screenshot(stage.getScene(), "orchestrations-history.png");

        runner.emit(new LogLine(Instant.now(), "app-r1-a1", "stdout", "durable-log instance=hello-1 replay=false hello Tokyo"));
        runner.emit(new LogLine(Instant.now(), "app-r1-a1", "stdout", "durable-log instance=hello-1 replay=true hello Tokyo"));
        runner.emit(new LogLine(Instant.now(), "app-r1-a1", "stdout", "durable-log instance=hello-1 replay=false hello Seattle"));
        clickOn("#orchestratorLogTab");
        waitUntil(() -> onFx(() -> UiTestSupport.texts(lookup("#orchestratorLog").query()))
                .containsAll(List.of("first execution · ×1 replay", "hello Seattle")));
        screenshot(stage.getScene(), "orchestrations-log.png");

        clickOn("#timelineTab");
        clickOn(cell("approval-7"));
        waitUntil(() -> onFx(timeline::drawnLaneLabels).contains("timer"));
        assertThat(onFx(timeline::drawnBars)).filteredOn(bar -> bar.state() == Bar.State.RUNNING)
                .extracting(Bar::kind).containsExactly(Bar.Kind.ORCHESTRATION, Bar.Kind.TIMER);
        screenshot(stage.getScene(), "orchestrations-running.png");
        assertThat(lookup("#raiseEventButton").queryButton().isDisabled()).isFalse();
        assertThat(lookup("#rewindButton").queryButton().isDisabled()).isTrue();
        durable.put(info("approval-7", "ApprovalWorkflow", RuntimeStatus.COMPLETED, now.minusSeconds(3), "\"approved\""),
                waiting(now));
        runner.emit(new OrchestrationChanged(Instant.now(), "default", "approval-7", "ApprovalWorkflow",
                RuntimeStatus.COMPLETED, "completed", 4));
        waitUntil(() -> onFx(() -> statusOf("approval-7")).equals("Completed"));
        waitUntil(() -> lookup("#raiseEventButton").queryButton().isDisabled());

        clickOn("#startOrchestrationButton");
        waitUntil(() -> lookup("#payloadEditor").tryQuery().isPresent());
        var editor = lookup("#payloadEditor").queryAs(CodeEditor.class);
        interact(() -> editor.setText("{\"request\": PO-1}"));
        var start = lookup("#payloadConfirmButton").queryAs(Button.class);
        waitUntil(() -> start.isDisabled() && !text("#payloadProblem").isEmpty());
        assertThat(lookup("#payloadProblem").queryAs(Label.class).getText()).startsWith("The input is not valid JSON at line 1");
        screenshot(start.getScene(), "orchestrations-start-dialog-bad-json.png");
        interact(() -> editor.setText("{\"request\": \"PO-1\"}"));
        waitUntil(() -> !start.isDisabled());
        clickOn(start);
        waitUntil(() -> listed().contains("started-1"));
        assertThat(durable.calls).containsExactly("start ApprovalWorkflow - {\"request\": \"PO-1\"}");
        waitUntil(() -> lookup("#instanceTitle").queryAs(Label.class).getText().contains("started-1"));
        assertThat(onFx(() -> lookup("#instanceList").queryAs(InstanceList.class).selectedProperty().get().instanceId()))
                .as("the list follows to the new instance").isEqualTo("started-1");
        assertThat(lookup("#orchestrationStatus").queryAs(Label.class).getText()).isEqualTo("Started ApprovalWorkflow as started-1.");
    }

    @Test
    void history_of50kEvents_opensAndScrolls() throws Exception {
        var events = FakeDurable.History.fanOut(T0, 24_999);
        assertThat(events).hasSize(50_000);
        durable.put(info("big-1", "BigFanOut", RuntimeStatus.COMPLETED, T0, "\"all done\""), events);
        runAndOpenTab();
        waitUntil(() -> listed().size() == 1);
        clickOn(cell("big-1"));
        var timeline = lookup("#timelineView").queryAs(TimelineView.class);
        waitUntil(() -> onFx(() -> timeline.timeline().bars().size()) == 25_000);
        assertThat(onFx(timeline::drawnBars)).isNotEmpty();

        moveTo(timeline).scroll(15, VerticalDirection.DOWN);
        waitUntil(() -> onFx(timeline::scrollPosition) > 0);
        assertThat(onFx(timeline::drawnLaneLabels)).isNotEmpty().doesNotContain("BigFanOut");
        clickOn(timeline).type(KeyCode.END);
        waitUntil(() -> !onFx(timeline::drawnBars).isEmpty()
                && onFx(timeline::drawnLaneLabels).getLast().equals("Work"));
        screenshot(stage.getScene(), "orchestrations-50k-timeline.png");

        clickOn("#historyTab");
        var history = lookup(".berth-history-table").queryAs(HistoryTable.class);
        assertThat(onFx(() -> history.rows().size())).isEqualTo(50_000);
        moveTo(history.tableView()).scroll(30, VerticalDirection.DOWN);
        interact(() -> history.tableView().scrollTo(49_990));
        interact(() -> history.select(49_998));
        waitUntil(() -> onFx(() -> history.selectedProperty().get().sequence()) == 49_998);
        screenshot(stage.getScene(), "orchestrations-50k-history.png");
    }

    /// The running approval: its request went out, and it waits for an event with a 30 s timeout.
    private static List<HistoryItem> waiting(Instant now) {
        return new FakeDurable.History(now.minusSeconds(3))
                .event(HistoryKind.EXECUTION_STARTED, -1, -1, "ApprovalWorkflow", "{\"request\":\"PO-311\"}", 0)
                .event(HistoryKind.TASK_SCHEDULED, 0, -1, "RequestApproval", "\"PO-311\"", 2)
                .event(HistoryKind.TASK_COMPLETED, -1, 0, null, null, 600)
                .event(HistoryKind.TIMER_CREATED, 1, -1, null, null, 2).items();
    }

    private void runAndOpenTab() throws Exception {
        Path dir = AppHarness.helloProject(work, "durable-app");
        runner = FakeRunner.withReadyReplicaAndInvocation();
        runner.durable = durable;
        var composition = new Composition(new FakeEngine(), runner, new FakeTemplates(), Clock.systemUTC(), userDir);
        stage = app.launch(composition, 50, window -> window.openProject(dir));
        clickOn("#runButton");
        waitUntil(() -> !lookup("#stopButton").queryButton().isDisabled());
        clickOn("#orchestrationsTab");
        giveThePanelsRoom();
    }

    /// Drags the divider between editor and panels up, as a user looking at orchestrations would.
    private void giveThePanelsRoom() {
        var panels = lookup("#runPanels").query();
        lookup(".split-pane").queryAllAs(SplitPane.class).stream()
                .filter(split -> split.getOrientation() == Orientation.VERTICAL && split.getItems().contains(panels))
                .findFirst().ifPresent(split -> interact(() -> split.setDividerPositions(0.12)));
    }

    private List<String> listed() throws Exception {
        return onFx(() -> lookup("#instanceList").queryAs(InstanceList.class).rows().stream()
                .map(row -> row.instanceId()).toList());
    }

    private String statusOf(String id) {
        return lookup("#instanceList").queryAs(InstanceList.class).rows().stream()
                .filter(row -> row.instanceId().equals(id)).findFirst().orElseThrow().status();
    }

    private Node cell(String text) {
        Node table = lookup("#instanceTable").query();
        return from(table).lookup(".table-cell").match(LabeledMatchers.hasText(text)).query();
    }

    private String text(String id) throws Exception {
        return onFx(() -> {
            var node = lookup(id).query();
            return node instanceof TextArea area ? area.getText() : ((Label) node).getText();
        });
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        UiTestSupport.waitUntil(TIMEOUT_S, condition);
    }
}
