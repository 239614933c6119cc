package dev.berth.runner.scale;

import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.ScaleDecision;
import dev.berth.runner.eventgrid.MutableClock;
import dev.berth.runner.project.ContainerAppScale;
import dev.berth.runner.replica.Waits;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AutoscalerTest {
    private final MutableClock clock = new MutableClock();
    private final AtomicInteger replicas = new AtomicInteger(1);
    private final AtomicInteger concurrent = new AtomicInteger();
    private final List<RunnerEvent> events = new CopyOnWriteArrayList<>();
    private final ContainerAppScale scale = new ContainerAppScale(0, 5, Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(20), List.of(new ContainerAppScale.Http("web", 10)));

    private Autoscaler autoscaler(Waits waits) {
        var engine = new ScaleEngine(scale, true, "shop--r1", clock);
        return new Autoscaler(engine, () -> new ScaleMetrics(concurrent.get(), 0, Map.of(), OptionalDouble.empty(),
                OptionalDouble.empty()), new Autoscaler.Target(replicas::get, replicas::set), events::add,
                scale.pollingInterval(), waits);
    }

    @Test
    void steadyLoad_publishesOneDecisionPerChange_notOnePerPoll() {
        var autoscaler = autoscaler((d, w) -> false);
        concurrent.set(35);
        autoscaler.tick();
        autoscaler.tick();
        autoscaler.tick();

        assertThat(replicas.get()).isEqualTo(4);
        assertThat(events).hasSize(1);
        assertThat(autoscaler.recent()).singleElement().satisfies(d -> {
            assertThat(d.current()).isEqualTo(1);
            assertThat(d.desired()).isEqualTo(4);
        });
    }

    @Test
    void quietAfterLoad_scalesToZeroOnlyOnceCooldownPassed() {
        var autoscaler = autoscaler((d, w) -> false);
        concurrent.set(12);
        autoscaler.tick();
        concurrent.set(0);
        clock.advance(Duration.ofSeconds(30));
        autoscaler.tick();
        clock.advance(Duration.ofSeconds(30));
        autoscaler.tick();

        assertThat(replicas.get()).isZero();
        assertThat(events).extracting(e -> ((ScaleDecision) e).desired()).containsExactly(2, 1, 0);
    }

    @Test
    void loop_waitsOnePollingIntervalBetweenDecisions_andWakesEarlyOnHold() throws Exception {
        var pauses = new LinkedBlockingQueue<Duration>();
        var autoscaler = autoscaler((delay, wake) -> {
            pauses.put(delay);
            return wake.tryAcquire(5, TimeUnit.SECONDS);
        }).start();
        try {
            assertThat(pauses.poll(5, TimeUnit.SECONDS)).isEqualTo(Duration.ofSeconds(30));
            concurrent.set(41);
            autoscaler.wake();
            assertThat(pauses.poll(5, TimeUnit.SECONDS)).isEqualTo(Duration.ofSeconds(30));
            assertThat(replicas.get()).isEqualTo(5);
        } finally {
            autoscaler.close();
        }
    }

    @Test
    void gauge_peakCoversRequestsThatEndedBeforeTheSample() {
        var gauge = new RequestGauge();
        var woken = new AtomicInteger();
        gauge.onHold(woken::incrementAndGet);
        gauge.begin();
        gauge.begin();
        gauge.end();
        gauge.end();
        gauge.holdBegin();

        assertThat(gauge.takePeak()).isEqualTo(2);
        assertThat(gauge.takePeak()).isZero();
        assertThat(gauge.held()).isEqualTo(1);
        assertThat(woken).hasValue(1);
    }
}
