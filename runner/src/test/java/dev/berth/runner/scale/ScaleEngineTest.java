package dev.berth.runner.scale;

import dev.berth.runner.eventgrid.MutableClock;
import dev.berth.runner.project.ContainerAppScale;
import dev.berth.runner.project.ContainerAppScale.Cron;
import dev.berth.runner.project.ContainerAppScale.Http;
import dev.berth.runner.project.ContainerAppScale.Queue;
import dev.berth.runner.project.ContainerAppScale.Resource;
import dev.berth.runner.project.ContainerAppScale.Rule;
import dev.berth.runner.project.ContainerAppScale.Utilization;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleEngineTest {
    private final MutableClock clock = new MutableClock();

    private ScaleEngine engine(int min, int max, Rule... rules) {
        var scale = new ContainerAppScale(min, max, Duration.ofSeconds(30), Duration.ofSeconds(300),
                Duration.ofSeconds(20), List.of(rules));
        return new ScaleEngine(scale, false, "shop--r1", clock);
    }

    private static ScaleMetrics http(int concurrent) {
        return new ScaleMetrics(concurrent, 0, Map.of(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    private static ScaleMetrics queue(String name, long length) {
        return new ScaleMetrics(0, 0, Map.of(name, length), OptionalDouble.empty(), OptionalDouble.empty());
    }

    @Test
    void queueBacklog_proposesCeilOfLengthOverTarget_cappedAtMax() {
        var decision = engine(0, 5, new Queue("orders", "orders", 20)).decide(queue("orders", 120), 1);

        assertThat(decision.desired()).isEqualTo(5);
        assertThat(decision.winner()).isEqualTo("orders");
        assertThat(decision.reason()).isEqualTo("queue backlog 120 / target 20 → 6 replicas, capped at max 5");
        assertThat(decision.rules().getFirst().proposal()).isEqualTo(6);
    }

    @Test
    void httpConcurrency_roundsUp() {
        var decision = engine(0, 10, new Http("web", 10)).decide(http(21), 1);

        assertThat(decision.desired()).isEqualTo(3);
        assertThat(decision.reason()).isEqualTo("21 concurrent requests / target 10 → 3 replicas");
    }

    @Test
    void largestProposal_winsAcrossRules() {
        var metrics = new ScaleMetrics(15, 0, Map.of("orders", 70L), OptionalDouble.empty(), OptionalDouble.empty());
        var decision = engine(0, 10, new Http("web", 10), new Queue("orders", "orders", 10)).decide(metrics, 1);

        assertThat(decision.desired()).isEqualTo(7);
        assertThat(decision.winner()).isEqualTo("orders");
    }

    @Test
    void minReplicas_raisesAQuietApp() {
        var decision = engine(2, 10, new Http("web", 10)).decide(http(0), 2);

        assertThat(decision.desired()).isEqualTo(2);
        assertThat(decision.reason()).endsWith("raised to min 2");
    }

    @Test
    void quietApp_keepsOneReplicaUntilCooldown_thenScalesToZero() {
        var engine = engine(0, 10, new Http("web", 10));
        engine.decide(http(4), 1);

        clock.advance(Duration.ofSeconds(299));
        var cooling = engine.decide(http(0), 1);
        clock.advance(Duration.ofSeconds(1));
        var after = engine.decide(http(0), 1);

        assertThat(cooling.desired()).isEqualTo(1);
        assertThat(cooling.reason()).contains("scale to zero after cooldownPeriod 300 s");
        assertThat(after.desired()).isZero();
        assertThat(after.reason()).isEqualTo("no rule active for 300 s (cooldownPeriod 300 s) → 0 replicas");
    }

    @Test
    void activityDuringCooldown_restartsIt() {
        var engine = engine(0, 10, new Http("web", 10));
        clock.advance(Duration.ofSeconds(250));
        engine.decide(http(1), 1);
        clock.advance(Duration.ofSeconds(250));

        assertThat(engine.decide(http(0), 1).desired()).isEqualTo(1);
    }

    @Test
    void busyApp_scalesDownToOneWithoutWaitingForCooldown() {
        var engine = engine(0, 10, new Http("web", 10));

        assertThat(engine.decide(http(3), 4).desired()).isEqualTo(1);
    }

    @Test
    void heldRequestAtZero_startsOneReplica_evenWithoutAnHttpRule() {
        var engine = engine(0, 10, new Queue("orders", "orders", 5));
        clock.advance(Duration.ofHours(1));
        var held = new ScaleMetrics(1, 1, Map.of(), OptionalDouble.empty(), OptionalDouble.empty());

        var decision = engine.decide(held, 0);

        assertThat(decision.desired()).isEqualTo(1);
        assertThat(decision.winner()).isEqualTo("held requests");
        assertThat(decision.reason()).contains("1 request waiting with no replica ready");
    }

    @Test
    void atZeroAndQuiet_staysAtZero() {
        var engine = engine(0, 10, new Http("web", 10));
        clock.advance(Duration.ofHours(1));

        assertThat(engine.decide(http(0), 0).desired()).isZero();
    }

    @Test
    void implicitHttpRule_appliesWhenNoRuleAndHttpFunctions() {
        var engine = new ScaleEngine(ContainerAppScale.of(0, 10), true, "r", clock);

        var decision = engine.decide(http(25), 1);

        assertThat(decision.winner()).isEqualTo(ScaleEngine.IMPLICIT_HTTP);
        assertThat(decision.desired()).isEqualTo(3);
    }

    @Test
    void cronWindow_followsStartAndEndInItsTimezone() {
        var berlin = ZoneId.of("Europe/Berlin");
        var engine = engine(0, 10, new Cron("office", "0 8 * * *", "0 18 * * *", 3, berlin));
        // 2026-11-21 is in CET (UTC+1): 08:00 Berlin = 07:00 UTC.
        clock.set(Instant.parse("2026-11-21T06:59:00Z"));
        var before = engine.decide(ScaleMetrics.idle(), 0);
        clock.set(Instant.parse("2026-11-21T07:00:00Z"));
        var atStart = engine.decide(ScaleMetrics.idle(), 0);
        clock.set(Instant.parse("2026-11-21T16:59:59Z"));
        var late = engine.decide(ScaleMetrics.idle(), 3);
        clock.set(Instant.parse("2026-11-21T17:00:00Z"));
        var atEnd = engine.decide(ScaleMetrics.idle(), 3);

        assertThat(before.desired()).isZero();
        assertThat(atStart.desired()).isEqualTo(3);
        assertThat(atStart.reason()).isEqualTo("cron rule office in its window → 3 replicas");
        assertThat(late.desired()).isEqualTo(3);
        assertThat(atEnd.rules().getFirst().active()).isFalse();
        assertThat(atEnd.desired()).isEqualTo(1); // cooling down after the window, as KEDA does
    }

    @Test
    void cronWindowOverMidnight_isActiveAfterMidnight() {
        var cron = new Cron("night", "0 22 * * *", "0 6 * * *", 2, ZoneId.of("UTC"));

        assertThat(ScaleEngine.inWindow(cron, Instant.parse("2026-11-21T02:00:00Z"))).isTrue();
        assertThat(ScaleEngine.inWindow(cron, Instant.parse("2026-11-21T12:00:00Z"))).isFalse();
    }

    @Test
    void cpuUtilization_followsHpaFormula() {
        var metrics = new ScaleMetrics(0, 0, Map.of(), OptionalDouble.of(90), OptionalDouble.empty());

        var decision = engine(1, 10, new Utilization("cpu", Resource.CPU, 60)).decide(metrics, 2);

        assertThat(decision.desired()).isEqualTo(3);
        assertThat(decision.reason()).isEqualTo("cpu 90% / target 60% → 3 replicas");
    }

    @Test
    void gpuUtilization_proposesBusyPercentOverTarget_whateverTheReplicaCount() {
        var twoGpusBusy = new ScaleMetrics(0, 0, Map.of(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(190));
        var engine = engine(1, 10, new Utilization("busy-gpu", Resource.GPU, 70));

        var decision = engine.decide(twoGpusBusy, 2);

        assertThat(decision.desired()).isEqualTo(3);
        assertThat(decision.winner()).isEqualTo("busy-gpu");
        assertThat(decision.reason()).isEqualTo("gpu 190% / target 70% → 3 replicas");
        var oneSharedGpu = new ScaleMetrics(0, 0, Map.of(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(95));
        assertThat(engine.decide(oneSharedGpu, 2).desired())
                .as("replicas sharing one busy GPU do not make it less busy: no runaway scale-out").isEqualTo(2);
        assertThat(engine.decide(oneSharedGpu, 4).desired()).isEqualTo(2);
        assertThat(decision.rules()).singleElement().satisfies(r -> assertThat(r.type()).isEqualTo("gpu"));
    }

    @Test
    void gpuUtilization_idleGpus_scaleIn_butNoReadingKeepsTheCount() {
        var idle = new ScaleMetrics(0, 0, Map.of(), OptionalDouble.of(99), OptionalDouble.empty(), OptionalDouble.of(10));
        var unknown = new ScaleMetrics(0, 0, Map.of(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
        var engine = engine(1, 10, new Utilization("busy-gpu", Resource.GPU, 70));

        assertThat(engine.decide(idle, 4).desired()).as("the cpu figure does not steer a gpu rule").isEqualTo(1);
        var blind = engine.decide(unknown, 4);
        assertThat(blind.desired()).as("nvidia-smi failing under load must not scale in").isEqualTo(4);
        assertThat(blind.reason()).isEqualTo("gpu: no reading yet, keeping 4 replicas");
    }

    @Test
    void cpuUtilization_noStatsYet_keepsTheCount() {
        var unknown = new ScaleMetrics(0, 0, Map.of(), OptionalDouble.empty(), OptionalDouble.empty());

        var decision = engine(1, 10, new Utilization("cpu", Resource.CPU, 60)).decide(unknown, 3);

        assertThat(decision.desired()).isEqualTo(3);
        assertThat(decision.rules().getFirst().active()).isTrue();
    }
}
