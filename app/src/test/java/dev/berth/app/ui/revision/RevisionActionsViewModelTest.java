package dev.berth.app.ui.revision;

import dev.berth.app.ui.fakes.ManualTaskExecutor;
import dev.berth.runner.revision.ActiveRevisionsMode;
import dev.berth.runner.revision.RevisionException;
import dev.berth.runner.revision.RevisionState;
import dev.berth.visualizer.revision.RevisionRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// The revision actions: enabled by state and mode, confirmation before the destructive ones, outcomes and
/// refusals in the status line.
class RevisionActionsViewModelTest extends RevisionsTestBase {
    private RevisionActionsViewModel actions;

    /// a: running with 100 %, b: running with 0 % (the latest), c: inactive, d: failed.
    private void fourRevisions(ActiveRevisionsMode mode) {
        revisions.mode = mode;
        revisions.add("a", RevisionState.RUNNING, true, 100).add("b", RevisionState.RUNNING, true, 0)
                .add("c", RevisionState.INACTIVE, false, 0).add("d", RevisionState.FAILED, false, 0);
        running();
        actions = model.actions();
    }

    private void select(String... names) {
        actions.selectionProperty().set(List.of(names));
    }

    private List<Boolean> enabled() {
        return List.of(actions.canActivateProperty().get(), actions.canDeactivateProperty().get(),
                actions.canRestartProperty().get(), actions.canSwapProperty().get());
    }

    @Test
    void activeRevisionWithTraffic_canRestart_butNotDeactivateOrActivate() {
        fourRevisions(ActiveRevisionsMode.MULTIPLE);
        select("a");
        assertThat(enabled()).containsExactly(false, false, true, false);
    }

    @Test
    void activeRevisionWithoutTraffic_canDeactivateAndRestart() {
        fourRevisions(ActiveRevisionsMode.MULTIPLE);
        select("b");
        assertThat(enabled()).containsExactly(false, true, true, false);
    }

    @Test
    void inactiveRevision_canOnlyBeActivated() {
        fourRevisions(ActiveRevisionsMode.MULTIPLE);
        select("c");
        assertThat(enabled()).containsExactly(true, false, false, false);
    }

    @Test
    void singleMode_cannotActivateASecondRevision() {
        fourRevisions(ActiveRevisionsMode.SINGLE);
        select("c");
        assertThat(enabled()).containsExactly(false, false, false, false);
    }

    @Test
    void swap_needsTwoActiveRevisionsInMultipleMode() {
        fourRevisions(ActiveRevisionsMode.MULTIPLE);
        select("a", "b");
        assertThat(actions.canSwapProperty().get()).isTrue();
        select("a", "c");
        assertThat(actions.canSwapProperty().get()).isFalse();
        select("a");
        assertThat(actions.canSwapProperty().get()).isFalse();
    }

    @Test
    void rollback_needsAnEarlierRevisionThatServed() {
        revisions.add("broken", RevisionState.FAILED, false, 0).add("fixed", RevisionState.RUNNING, true, 100);
        running();
        assertThat(model.actions().canRollbackProperty().get()).as("the one before never served").isFalse();
    }

    @Test
    void rollback_withAnEarlierRevision_isEnabledInEitherMode() {
        fourRevisions(ActiveRevisionsMode.SINGLE);
        assertThat(actions.canRollbackProperty().get()).isTrue();
    }

    @Test
    void swap_asksFirst_thenSwapsAndShowsTheNewWeights() {
        fourRevisions(ActiveRevisionsMode.MULTIPLE);
        select("a", "b");
        dialogs.confirmAnswer = false;
        actions.swap();
        assertThat(dialogs.confirmations).containsExactly("Swap a and b?");
        assertThat(revisions.calls).isEmpty();
        dialogs.confirmAnswer = true;
        actions.swap();
        assertThat(revisions.calls).containsExactly("swap a b");
        assertThat(model.rows()).extracting(RevisionRow::weight).startsWith(0, 100);
        assertThat(model.status().textProperty().get()).isEqualTo("Swapped a and b.");
    }

    @Test
    void deactivateAndRollback_askFirst_restartAndActivateDoNot() {
        fourRevisions(ActiveRevisionsMode.MULTIPLE);
        select("c");
        actions.activate();
        select("a");
        actions.restart();
        assertThat(dialogs.confirmations).isEmpty();
        select("b");
        actions.deactivate();
        actions.rollback();
        assertThat(dialogs.confirmations).containsExactly("Deactivate b?", "Roll back?");
        assertThat(revisions.calls).containsExactly("activate c", "restart a", "deactivate b", "rollback");
        assertThat(model.status().textProperty().get()).isEqualTo("Rolled back: c takes all traffic.");
    }

    @Test
    void refusal_showsTheRevisionExceptionMessage_asAnError() {
        fourRevisions(ActiveRevisionsMode.MULTIPLE);
        revisions.failure = new RevisionException(RevisionException.Reason.FAILED,
                "c did not become ready. Fix: see its replicas' log.");
        select("c");
        actions.activate();
        assertThat(model.status().textProperty().get()).isEqualTo("Activating c failed: c did not become ready. Fix: see"
                + " its replicas' log.");
        assertThat(model.status().errorProperty().get()).isTrue();
        assertThat(actions.busyProperty().get()).isFalse();
    }

    @Test
    void whileAnActionRuns_itSaysSo_andTheOtherActionsWait() {
        revisions.add("a", RevisionState.RUNNING, true, 100).add("b", RevisionState.INACTIVE, false, 0);
        runner.revisions = revisions;
        var tasks = new ManualTaskExecutor();
        open(tasks);
        run.run();
        tasks.runAll();
        actions = model.actions();
        select("b");
        actions.activate();
        assertThat(model.status().textProperty().get()).startsWith("Activating b: starting its replicas");
        assertThat(actions.busyProperty().get()).isTrue();
        select("a");
        assertThat(actions.canRestartProperty().get()).isFalse();
        assertThat(actions.canRollbackProperty().get()).isFalse();
        tasks.runAll();
        assertThat(actions.busyProperty().get()).isFalse();
        assertThat(actions.canRestartProperty().get()).isTrue();
        assertThat(model.status().textProperty().get()).startsWith("Activated b.");
    }
}
