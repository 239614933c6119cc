package dev.berth.app.ui.trigger;

import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.InvocationStarted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TriggerGraphViewModelTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private final TriggerGraphViewModel model = new TriggerGraphViewModel();
    private final List<String> pulses = new ArrayList<>();

    TriggerGraphViewModelTest() {
        model.setApp(Apps.orderPipeline());
        model.attach((from, to, failed) -> pulses.add(from + "->" + to + (failed ? " failed" : "")));
    }

    @Test
    void invocationStarted_pulsesFromSourceToFunction() {
        model.onEvents(List.of(started("i1", "process", "queueTrigger")));
        assertThat(pulses).containsExactly("queue-in:orders->fn:process");
    }

    @Test
    void invocationFinished_countsFunctionAndSource_andPulsesToEveryOutput() {
        model.onEvents(List.of(started("i1", "orders", "httpTrigger"), finished("i1", "orders", 200, "")));
        assertThat(model.model().stats("fn:orders").count()).isEqualTo(1);
        assertThat(model.model().stats("http:orders").count()).isEqualTo(1);
        assertThat(model.model().stats("queue-out:orders").count()).isEqualTo(1);
        assertThat(pulses).containsExactly("http:orders->fn:orders", "fn:orders->http-out:orders",
                "fn:orders->queue-out:orders");
    }

    @Test
    void failedInvocation_countsAnErrorAndWritesNoQueueOutput() {
        model.onEvents(List.of(started("i1", "orders", "httpTrigger"), finished("i1", "orders", 500, "boom"),
                started("i2", "orders", "httpTrigger"), finished("i2", "orders", 200, "")));
        assertThat(model.model().stats("fn:orders").errorRate()).isEqualTo(0.5);
        assertThat(model.model().stats("queue-out:orders").count()).isEqualTo(1);
        assertThat(pulses).contains("fn:orders->http-out:orders failed");
    }

    @Test
    void manualRun_countsTheFunctionButNotItsSource() {
        model.onEvents(List.of(started("i1", "tick", "manual"), finished("i1", "tick", 200, "")));
        assertThat(model.model().stats("fn:tick").count()).isEqualTo(1);
        assertThat(model.model().stats("timer:tick").count()).isZero();
        assertThat(pulses).isEmpty();
    }

    @Test
    void selectingAFunctionNode_namesTheFunction_andASourceOrEmptySpaceClears() {
        model.model().select("fn:process");
        assertThat(model.selectedFunctionProperty().get()).isEqualTo("process");
        model.model().select("queue-in:orders");
        assertThat(model.selectedFunctionProperty().get()).isNull();
        model.model().select("fn:tick");
        model.model().select(null);
        assertThat(model.selectedFunctionProperty().get()).isNull();
    }

    @Test
    void reset_zeroesCounts() {
        model.onEvents(List.of(finished("i1", "notify", 200, "")));
        model.reset();
        assertThat(model.model().stats("fn:notify").count()).isZero();
    }

    private static InvocationStarted started(String id, String function, String trigger) {
        return new InvocationStarted(T0, id, function, "shop-r1-a1", trigger, "");
    }

    private static InvocationFinished finished(String id, String function, int status, String error) {
        return new InvocationFinished(T0.plusMillis(5), id, function, "shop-r1-a1", status, Duration.ofMillis(5), error,
                "", "");
    }
}
