package dev.berth.app.ui.revision;

import dev.berth.app.ui.fakes.ManualTaskExecutor;
import dev.berth.app.ui.fakes.SameThreadTaskExecutor;
import dev.berth.runner.event.RevisionChanged;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.event.TrafficChanged;
import dev.berth.runner.revision.ActiveRevisionsMode;
import dev.berth.runner.revision.RevisionState;
import dev.berth.visualizer.revision.RevisionRow;
import dev.berth.visualizer.revision.TrafficBar;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// The Revisions tab's list, reads and live updates over a fake RevisionControl.
class RevisionsViewModelTest extends RevisionsTestBase {
    @Test
    void notRunning_listsNothingAndSaysWhy() {
        open(new SameThreadTaskExecutor());
        assertThat(model.rows()).isEmpty();
        assertThat(model.access().unavailableProperty().get()).isEqualTo(RevisionsViewModel.NOT_RUNNING);
        assertThat(model.actions().canRollbackProperty().get()).isFalse();
        assertThat(model.traffic().editableProperty().get()).isFalse();
    }

    @Test
    void sessionWithoutRevisions_saysSoInsteadOfFailing() {
        open(new SameThreadTaskExecutor());
        run.run();
        assertThat(model.access().unavailableProperty().get()).startsWith("This run does not manage revisions");
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void running_listsEveryRevisionWithItsStateReplicasAndWeight() {
        revisions.add("hello--a", RevisionState.RUNNING, true, 80).add("hello--b", RevisionState.RUNNING, true, 20)
                .add("hello--c", RevisionState.FAILED, false, 0).label("beta", "hello--b");
        running();
        assertThat(model.rows()).extracting(RevisionRow::name).containsExactly("hello--a", "hello--b", "hello--c");
        var b = model.rows().get(1);
        assertThat(b).extracting(RevisionRow::state, RevisionRow::active, RevisionRow::weight, RevisionRow::labels,
                RevisionRow::readyReplicas, RevisionRow::replicas).containsExactly("Running", true, 20, List.of("beta"), 1, 1);
        assertThat(b.image()).isEqualTo("berth/hello:hello--b");
        assertThat(model.rows().get(2).healthText()).isEqualTo("Failed");
        assertThat(model.rows()).extracting(RevisionRow::latest).containsExactly(false, true, false);
        assertThat(model.modeProperty().get()).isEqualTo("activeRevisionsMode: Multiple");
    }

    @Test
    void traffic_showsConfiguredWeightBesideObservedShare_andActiveRevisionsAtZero() {
        revisions.add("a", RevisionState.RUNNING, true, 80).add("b", RevisionState.RUNNING, true, 20)
                .add("c", RevisionState.RUNNING, true, 0).observed("a", 300).observed("b", 100);
        running();
        assertThat(model.traffic().bars()).containsExactly(new TrafficBar("a", 80, 75.0, 300),
                new TrafficBar("b", 20, 25.0, 100), new TrafficBar("c", 0, 0, 0));
        assertThat(model.traffic().weights()).extracting(WeightEdit::revision).containsExactly("a", "b", "c");
    }

    @Test
    void labels_showTheirHeaderAndHostUrls() {
        revisions.add("a", RevisionState.RUNNING, true, 100).label("blue", "a");
        running();
        assertThat(model.traffic().labels()).containsExactly(new LabelUrl("blue", "a", "x-berth-revision-label: blue",
                "http://blue.hello.localhost:7071"));
    }

    @Test
    void revisionOrTrafficEvent_readsAgain_otherEventsDoNot() {
        revisions.add("a", RevisionState.RUNNING, true, 100);
        running();
        revisions.add("b", RevisionState.PROVISIONING, false, 0);
        model.onEvents(List.of(new RunnerNotice(Instant.now(), RunnerNotice.Level.INFO, "unrelated")));
        assertThat(model.rows()).hasSize(1);
        model.onEvents(List.of(new RevisionChanged(Instant.now(), "b", RevisionChanged.Change.CREATED, "building")));
        assertThat(model.rows()).extracting(RevisionRow::name).containsExactly("a", "b");
        assertThat(model.rows().get(1).healthText()).isEqualTo("Provisioning…");
        model.onEvents(List.of(new TrafficChanged(Instant.now(), Map.of("a", 100), Map.of(), "set")));
        assertThat(model.rows()).hasSize(2);
    }

    @Test
    void burstOfEvents_whileAReadRuns_costsOneMoreRead() {
        revisions.add("a", RevisionState.RUNNING, true, 100);
        runner.revisions = revisions;
        var tasks = new ManualTaskExecutor();
        open(tasks);
        run.run();
        tasks.runAll();
        var change = List.<RunnerEvent>of(new TrafficChanged(Instant.now(), Map.of("a", 100), Map.of(), "x"));
        model.onEvents(change);
        model.onEvents(change);
        model.onEvents(change);
        assertThat(tasks.pendingCount()).isEqualTo(1);
        tasks.runAll();
        assertThat(tasks.pendingCount()).isZero();
    }

    @Test
    void shown_ticksEveryCoupleOfSeconds_hiddenStops() {
        revisions.add("a", RevisionState.RUNNING, true, 100);
        running();
        model.setShowing(true);
        assertThat(ticker.runningCount()).isEqualTo(1);
        revisions.observed("a", 42);
        ticker.tick();
        assertThat(model.traffic().bars().getFirst().requestsLastMinute()).isEqualTo(42);
        model.setShowing(false);
        assertThat(ticker.runningCount()).isZero();
    }

    @Test
    void runStops_emptiesTheTab() {
        revisions.add("a", RevisionState.RUNNING, true, 100).label("blue", "a");
        running();
        run.stop();
        assertThat(model.rows()).isEmpty();
        assertThat(model.traffic().bars()).isEmpty();
        assertThat(model.traffic().labels()).isEmpty();
        assertThat(model.access().availableProperty().get()).isFalse();
    }

    @Test
    void singleMode_weightsAreNotEditable_andTheNoteSaysHowToSplit() {
        revisions.mode = ActiveRevisionsMode.SINGLE;
        revisions.add("a", RevisionState.INACTIVE, false, 0).add("b", RevisionState.RUNNING, true, 100);
        running();
        assertThat(model.traffic().editableProperty().get()).isFalse();
        assertThat(model.traffic().modeNoteProperty().get()).contains("activeRevisionsMode: Multiple", "containerapp.yaml");
        assertThat(model.modeProperty().get()).isEqualTo("activeRevisionsMode: Single");
    }
}
