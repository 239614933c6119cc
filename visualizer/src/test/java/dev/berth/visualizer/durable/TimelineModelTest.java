package dev.berth.visualizer.durable;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineModelTest {
    @Test
    void build_emptyHistory_givesEmptyTimeline() {
        Timeline timeline = TimelineModel.build(List.of());
        assertThat(timeline.isEmpty()).isTrue();
        assertThat(timeline.running()).isFalse();
    }

    @Test
    void build_chaining_putsSequentialCallsOfOneActivityOnOneLane() throws Exception {
        Timeline timeline = GoldenHistoryTest.timeline("chaining");
        assertThat(timeline.lanes()).extracting(Lane::label).containsExactly("HelloCities", "SayHello");
        assertThat(timeline.barsOf(1)).extracting(Bar::output)
                .containsExactly("\"Hello Tokyo!\"", "\"Hello Seattle!\"", "\"Hello London!\"");
        assertThat(timeline.running()).isFalse();
    }

    @Test
    void build_fanOut_givesEachParallelCallItsOwnLane() throws Exception {
        Timeline timeline = GoldenHistoryTest.timeline("fan-out-fan-in");
        assertThat(timeline.lanes()).filteredOn(lane -> lane.label().equals("ProcessItem")).hasSize(5);
        assertThat(timeline.bars()).filteredOn(bar -> bar.kind() == Bar.Kind.ACTIVITY)
                .allMatch(bar -> bar.state() == Bar.State.COMPLETED && bar.end() != null);
    }

    @Test
    void build_retry_marksLaterAttemptsOnTheFailedCallsLane() throws Exception {
        Timeline timeline = GoldenHistoryTest.timeline("retry");
        List<Bar> reserve = timeline.barsOf(1);
        assertThat(reserve).extracting(Bar::attempt).containsExactly(1, 2, 3);
        assertThat(reserve).extracting(Bar::state)
                .containsExactly(Bar.State.FAILED, Bar.State.FAILED, Bar.State.COMPLETED);
        assertThat(reserve.getFirst().error()).contains("timed out (attempt 1)");
    }

    @Test
    void build_retryWhileItsLaneIsTaken_takesAnotherLaneAndKeepsTheAttempt() {
        List<HistoryRow> history = new Histories().started("Flaky", null)
                .scheduled(0, "Fetch", "1").failed(0, "boom")
                .scheduled(1, "Fetch", "2") // another call takes the freed lane
                .scheduled(2, "Fetch", "1") // the retry of the first
                .rows();
        Timeline timeline = TimelineModel.build(history);
        Bar retry = timeline.bars().stream().filter(bar -> bar.firstSequence() == 4).findFirst().orElseThrow();
        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(retry.lane()).isEqualTo(2);
        assertThat(retry.end()).as("still running").isNull();
        assertThat(retry.state()).isEqualTo(Bar.State.RUNNING);
    }

    @Test
    void build_sameActivityWithOtherInputAfterAFailure_isNoRetry() {
        Timeline timeline = TimelineModel.build(new Histories().started("O", null)
                .scheduled(0, "Fetch", "1").failed(0, "boom").scheduled(1, "Fetch", "2").rows());
        assertThat(timeline.barsOf(1)).extracting(Bar::attempt).containsExactly(1, 1);
    }

    @Test
    void build_externalEventBeforeTimeout_cancelsTheTimerWhenTheOrchestrationEnds() throws Exception {
        Timeline timeline = GoldenHistoryTest.timeline("external-event");
        Bar timer = timeline.bars().stream().filter(bar -> bar.kind() == Bar.Kind.TIMER).findFirst().orElseThrow();
        Bar event = timeline.bars().stream().filter(Bar::point).findFirst().orElseThrow();
        assertThat(timer.state()).isEqualTo(Bar.State.CANCELED);
        assertThat(timer.note()).contains("completed first");
        assertThat(event.start()).isEqualTo(event.end());
        assertThat(timeline.lanes().get(event.lane()).label()).isEqualTo("event: ApprovalEvent");
    }

    @Test
    void build_continueAsNew_showsEachExecutionOnTheOrchestrationLane() throws Exception {
        Timeline timeline = GoldenHistoryTest.timeline("continue-as-new");
        assertThat(timeline.barsOf(0)).extracting(Bar::attempt).containsExactly(1, 2);
        assertThat(timeline.barsOf(0).getFirst().output()).isEqualTo("{\"count\":1}");
        assertThat(timeline.running()).isTrue();
        assertThat(timeline.end(timeline.lastEvent().plusSeconds(5))).isEqualTo(timeline.lastEvent().plusSeconds(5));
    }

    @Test
    void build_subOrchestrations_keepTheirTargetInstance() throws Exception {
        Timeline timeline = GoldenHistoryTest.timeline("sub-orchestration");
        assertThat(timeline.bars()).filteredOn(bar -> bar.kind() == Bar.Kind.SUB_ORCHESTRATION)
                .extracting(Bar::target).containsExactly("orders-7:0", "orders-7:1");
    }

    @Test
    void build_failure_carriesTheActivitysAndTheOrchestrationsError() throws Exception {
        Timeline timeline = GoldenHistoryTest.timeline("failure");
        assertThat(timeline.barsOf(0).getFirst().state()).isEqualTo(Bar.State.FAILED);
        assertThat(timeline.barsOf(0).getFirst().error()).contains("TaskFailedException");
        assertThat(timeline.barsOf(2).getFirst().error()).isEqualTo("com.example.PaymentDeclined: card ending 4242 was declined");
    }

    @Test
    void build_resultForNothingScheduled_isReportedAsProblem() {
        Timeline timeline = TimelineModel.build(new Histories().started("O", null)
                .scheduled(0, "A", null).completed(0, "1").completed(0, "1").rows());
        assertThat(timeline.problems()).containsExactly("TaskCompleted (event 3) answers id 0, which is not open");
        assertThat(timeline.barsOf(1)).hasSize(1);
    }

    @Test
    void build_historyWithoutStart_stillDrawsItsCalls() {
        Timeline timeline = TimelineModel.build(new Histories().scheduled(0, "A", null).rows());
        assertThat(timeline.running()).isTrue();
        assertThat(timeline.barsOf(1)).hasSize(1);
        assertThat(timeline.problems()).singleElement().asString().contains("no ExecutionStarted");
    }

    @Test
    void build_50kEvents_givesOneBarPerActivityAndPacksWaves() {
        List<HistoryRow> history = Histories.fanOut(24_999, 100);
        assertThat(history).hasSize(50_000);
        Timeline timeline = TimelineModel.build(history);
        assertThat(timeline.bars()).hasSize(24_999 + 1);
        assertThat(timeline.lanes()).as("waves of 100 reuse the lanes of the wave before").hasSize(1 + 3 * 34);
        assertThat(timeline.problems()).isEmpty();
    }
}
