package dev.berth.app.ui.revision;

import dev.berth.runner.revision.RevisionException;
import dev.berth.runner.revision.RevisionState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/// Editing weights: the sum, what is wrong with it, when Apply may be pressed, and what it sends.
class TrafficViewModelTest extends RevisionsTestBase {
    private TrafficViewModel twoAtFiftyFifty() {
        revisions.add("a", RevisionState.RUNNING, true, 50).add("b", RevisionState.RUNNING, true, 50);
        running();
        return model.traffic();
    }

    private static WeightEdit weight(TrafficViewModel traffic, String revision) {
        return traffic.weights().stream().filter(w -> w.revision().equals(revision)).findFirst().orElseThrow();
    }

    @Test
    void unchangedWeights_sumTo100_butApplyIsOffUntilSomethingChanges() {
        var traffic = twoAtFiftyFifty();
        assertThat(traffic.sumProperty().get()).isEqualTo(100);
        assertThat(traffic.problemProperty().get()).isEmpty();
        assertThat(traffic.editableProperty().get()).isTrue();
        assertThat(traffic.canApplyProperty().get()).isFalse();
    }

    @Test
    void weightsNotSummingTo100_sayByHowMuch_andKeepApplyOff() {
        var traffic = twoAtFiftyFifty();
        weight(traffic, "a").setWeight(80);
        assertThat(traffic.sumProperty().get()).isEqualTo(130);
        assertThat(traffic.problemProperty().get()).isEqualTo("The weights add up to 130%; they must add up to 100%."
                + " Take 30% away to apply.");
        assertThat(traffic.canApplyProperty().get()).isFalse();
        weight(traffic, "b").setWeight(10);
        assertThat(traffic.problemProperty().get()).contains("90%", "Give 10% more");
        assertThat(traffic.canApplyProperty().get()).isFalse();
        traffic.apply();
        assertThat(revisions.calls).as("nothing is sent while the sum is wrong").isEmpty();
    }

    @Test
    void weightsOutOfRange_areClampedTo0To100() {
        var traffic = twoAtFiftyFifty();
        weight(traffic, "a").setWeight(140);
        weight(traffic, "b").setWeight(-5);
        assertThat(traffic.sumProperty().get()).isEqualTo(100);
        assertThat(weight(traffic, "a").weightProperty().get()).isEqualTo(100);
    }

    @Test
    void apply_sendsTheWeights_andShowsThemConfigured() {
        var traffic = twoAtFiftyFifty();
        weight(traffic, "a").setWeight(80);
        weight(traffic, "b").setWeight(20);
        assertThat(traffic.canApplyProperty().get()).isTrue();
        traffic.apply();
        assertThat(revisions.calls).containsExactly("setTraffic {a=80, b=20}");
        assertThat(traffic.bars()).extracting(bar -> bar.revision() + "=" + bar.weight()).containsExactly("a=80", "b=20");
        assertThat(weight(traffic, "a").configured()).isEqualTo(80);
        assertThat(traffic.editedProperty().get()).isFalse();
        assertThat(model.status().textProperty().get()).isEqualTo("Traffic now routes a 80%, b 20%.");
        assertThat(model.status().errorProperty().get()).isFalse();
    }

    @Test
    void refusedApply_showsTheRunnersReason_andKeepsTheEdits() {
        var traffic = twoAtFiftyFifty();
        revisions.failure = new RevisionException(RevisionException.Reason.INVALID,
                "b is not active. Fix: activate it first.");
        weight(traffic, "a").setWeight(70);
        weight(traffic, "b").setWeight(30);
        traffic.apply();
        assertThat(model.status().textProperty().get()).isEqualTo("Setting the weights failed: b is not active. Fix: activate it first.");
        assertThat(model.status().errorProperty().get()).isTrue();
        assertThat(weight(traffic, "a").weightProperty().get()).as("the edit stays for another try").isEqualTo(70);
        assertThat(traffic.canApplyProperty().get()).isTrue();
    }

    @Test
    void refresh_movesUneditedWeights_butKeepsTheUsersEdits() throws Exception {
        var traffic = twoAtFiftyFifty();
        weight(traffic, "a").setWeight(60);
        revisions.setTraffic(java.util.Map.of("a", 10, "b", 90), null); // someone else: `berth traffic set`
        model.refresh();
        assertThat(weight(traffic, "a").weightProperty().get()).isEqualTo(60);
        assertThat(weight(traffic, "b").weightProperty().get()).isEqualTo(90);
        assertThat(weight(traffic, "b").configured()).isEqualTo(90);
        traffic.reset();
        assertThat(weight(traffic, "a").weightProperty().get()).isEqualTo(10);
        assertThat(traffic.editedProperty().get()).isFalse();
    }

    @Test
    void newlyActivatedRevision_getsAWeightField() {
        var traffic = twoAtFiftyFifty();
        revisions.add("c", RevisionState.INACTIVE, false, 0);
        model.refresh();
        assertThat(traffic.weights()).extracting(WeightEdit::revision).containsExactly("a", "b");
        model.actions().selectionProperty().set(java.util.List.of("c"));
        model.actions().activate();
        assertThat(traffic.weights()).extracting(WeightEdit::revision).containsExactly("a", "b", "c");
    }
}
