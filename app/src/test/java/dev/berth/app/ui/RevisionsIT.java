package dev.berth.app.ui;

import dev.berth.app.Composition;
import dev.berth.app.ui.fakes.FakeEngine;
import dev.berth.app.ui.fakes.FakeRevisions;
import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.FakeTemplates;
import dev.berth.runner.event.TrafficChanged;
import dev.berth.runner.revision.ActiveRevisionsMode;
import dev.berth.runner.revision.RevisionException;
import dev.berth.runner.revision.RevisionState;
import dev.berth.visualizer.revision.RevisionRow;
import dev.berth.visualizer.revision.RevisionTable;
import dev.berth.visualizer.revision.TrafficBar;
import dev.berth.visualizer.revision.TrafficChart;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.matcher.control.LabeledMatchers;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.berth.app.ui.UiTestSupport.onFx;
import static dev.berth.app.ui.UiTestSupport.screenshot;
import static org.assertj.core.api.Assertions.assertThat;

/// The Revisions tab in the real desktop UI over a fake runner whose session has in-memory revisions: the
/// list, the traffic chart, weights moved to 80/20 by typing in a field and with a slider's keys (Apply
/// stays off while they do not add up to 100), applied, and shown configured; a swap confirmed in its
/// dialog; a refused restart's reason; Single mode's explanation. Screenshots go to target/screenshots.
@Tag("ui")
class RevisionsIT extends AppUiTest {
    private static final long TIMEOUT_S = 20;
    private static final String A = "hello--3f9a1c";
    private static final String B = "hello--7b2e4d";

    private final FakeRevisions revisions = new FakeRevisions();
    private FakeRunner runner;

    @Test
    void weights_movedTo80And20_applyOnlyWhenTheySumTo100_andShowConfigured() throws Exception {
        revisions.add(A, RevisionState.RUNNING, true, 50).add(B, RevisionState.RUNNING, true, 50)
                .observed(A, 312).observed(B, 288).label("beta", B);
        runAndOpenTab();
        waitUntil(() -> listed().equals(List.of(A, B)));
        waitUntil(() -> bars().size() == 2);
        assertThat(text("#labelUrl-beta")).isEqualTo("http://beta.hello.localhost:7071");
        assertThat(text("#labelHeader-beta")).isEqualTo("x-berth-revision-label: beta");
        screenshot(stage.getScene(), "revisions-traffic.png");

        type(field(A), "80");
        var apply = lookup("#applyWeightsButton").queryAs(Button.class);
        waitUntil(() -> text("#weightSum").equals("Sum: 130%"));
        assertThat(apply.isDisabled()).as("130% cannot be applied").isTrue();
        assertThat(text("#weightProblem")).contains("130%", "Take 30% away");
        screenshot(stage.getScene(), "revisions-weights-invalid.png");

        var slider = lookup("#weightSlider-" + B).queryAs(Slider.class);
        clickOn(slider);
        interact(() -> slider.setValue(50)); // the click may have moved the thumb: start from 50 again
        for (int i = 0; i < 6; i++) type(KeyCode.LEFT); // 5% a step
        waitUntil(() -> text("#weightSum").equals("Sum: 100%"));
        assertThat(onFx(() -> spinner(B).getValue())).isEqualTo(20);
        waitUntil(() -> !apply.isDisabled());
        clickOn(apply);

        waitUntil(() -> revisions.calls.contains("setTraffic {" + A + "=80, " + B + "=20}"));
        assertThat(revisions.calls).containsExactly("setTraffic {" + A + "=80, " + B + "=20}");
        waitUntil(() -> bars().stream().map(TrafficBar::weight).toList().equals(List.of(80, 20)));
        waitUntil(() -> text("#weightNow-" + A).equals("routes 80% now"));
        assertThat(text("#weightNow-" + B)).isEqualTo("routes 20% now");
        assertThat(onFx(() -> lookup("#revisionList").queryAs(RevisionTable.class).rows())).extracting(RevisionRow::weight)
                .containsExactly(80, 20);
        assertThat(text("#revisionStatus")).isEqualTo("Traffic now routes " + A + " 80%, " + B + " 20%.");
        assertThat(apply.isDisabled()).as("nothing left to apply").isTrue();
        screenshot(stage.getScene(), "revisions-applied.png");
    }

    @Test
    void swapConfirmed_refusedRestartExplained_andTrafficEventsShowLive() throws Exception {
        revisions.add(A, RevisionState.RUNNING, true, 90).add(B, RevisionState.RUNNING, true, 10)
                .add("hello--c0ffee", RevisionState.FAILED, false, 0).observed(A, 95).observed(B, 5);
        runAndOpenTab();
        waitUntil(() -> listed().size() == 3);
        clickOn(cell(A));
        press(KeyCode.CONTROL).clickOn(cell(B)).release(KeyCode.CONTROL);
        var swap = lookup("#swapRevisionsButton").queryAs(Button.class);
        waitUntil(() -> !swap.isDisabled());
        clickOn(swap);
        waitUntil(() -> lookup("#confirmButton").tryQuery().isPresent());
        clickOn("#confirmButton");
        waitUntil(() -> revisions.calls.contains("swap " + A + " " + B));
        waitUntil(() -> bars().stream().map(TrafficBar::weight).toList().equals(List.of(10, 90)));

        revisions.failure = new RevisionException(RevisionException.Reason.FAILED,
                "the fresh replicas of " + A + " did not become ready; the old ones keep serving. Fix: see the replicas' log.");
        clickOn(cell(A));
        clickOn("#restartRevisionButton");
        waitUntil(() -> text("#revisionStatus").startsWith("Restarting " + A + " failed: the fresh replicas"));
        assertThat(lookup("#revisionStatus").queryAs(Label.class).getStyleClass()).contains("danger");
        screenshot(stage.getScene(), "revisions-refused-restart.png");

        revisions.setTraffic(Map.of(A, 100), null);
        runner.emit(new TrafficChanged(Instant.now(), Map.of(A, 100), Map.of(), "berth traffic set"));
        waitUntil(() -> bars().stream().filter(bar -> bar.revision().equals(A)).findFirst().orElseThrow().weight() == 100);
    }

    @Test
    void singleMode_explainsHowToSplitTraffic_andKeepsTheWeightsLocked() throws Exception {
        revisions.mode = ActiveRevisionsMode.SINGLE;
        revisions.add(A, RevisionState.INACTIVE, false, 0).add(B, RevisionState.RUNNING, true, 100).observed(B, 40);
        runAndOpenTab();
        waitUntil(() -> listed().size() == 2);
        waitUntil(() -> text("#trafficModeNote").contains("activeRevisionsMode: Multiple"));
        assertThat(lookup("#weightEditors").query().isDisabled()).isTrue();
        var apply = lookup("#applyWeightsButton").query();
        assertThat(apply.isDisabled()).isTrue();
        assertThat(lookup(".sum-bar").query().isVisible()).as("no sum and Apply in Single mode").isFalse();
        clickOn(cell(A));
        assertThat(lookup("#activateRevisionButton").queryButton().isDisabled()).as("Single mode runs one revision").isTrue();
        assertThat(lookup("#rollbackButton").queryButton().isDisabled()).isFalse();
        screenshot(stage.getScene(), "revisions-single-mode.png");
    }

    private void runAndOpenTab() throws Exception {
        Path dir = AppHarness.helloProject(work, "revisions-app");
        runner = FakeRunner.withReadyReplicaAndInvocation();
        runner.revisions = revisions;
        var composition = new Composition(new FakeEngine(), runner, new FakeTemplates(), Clock.systemUTC(), userDir);
        stage = app.launch(composition, 50, window -> window.openProject(dir));
        clickOn("#runButton");
        waitUntil(() -> !lookup("#stopButton").queryButton().isDisabled());
        clickOn("#revisionsTab");
        var panels = lookup("#runPanels").query();
        lookup(".split-pane").queryAllAs(SplitPane.class).stream()
                .filter(split -> split.getOrientation() == Orientation.VERTICAL && split.getItems().contains(panels))
                .findFirst().ifPresent(split -> interact(() -> split.setDividerPositions(0.2)));
    }

    /// Replaces a weight field's text as a user would (select all, type, Enter).
    private void type(TextField field, String text) {
        doubleClickOn(field);
        press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        write(text).type(KeyCode.ENTER);
    }

    @SuppressWarnings("unchecked")
    private Spinner<Integer> spinner(String revision) {
        return lookup("#weightField-" + revision).queryAs(Spinner.class);
    }

    private TextField field(String revision) {
        return spinner(revision).getEditor();
    }

    private List<String> listed() throws Exception {
        return onFx(() -> lookup("#revisionList").queryAs(RevisionTable.class).rows().stream().map(RevisionRow::name).toList());
    }

    private List<TrafficBar> bars() throws Exception {
        return onFx(() -> lookup("#trafficChart").queryAs(TrafficChart.class).bars());
    }

    private Node cell(String text) {
        Node table = lookup("#revisionTable").query();
        return from(table).lookup(".table-cell").match(LabeledMatchers.hasText(text)).query();
    }

    private String text(String id) throws Exception {
        return onFx(() -> {
            var node = lookup(id).query();
            return node instanceof TextField field ? field.getText() : ((Label) node).getText();
        });
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        UiTestSupport.waitUntil(TIMEOUT_S, condition);
    }
}
