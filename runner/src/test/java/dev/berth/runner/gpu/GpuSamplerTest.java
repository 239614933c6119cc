package dev.berth.runner.gpu;

import dev.berth.runner.container.GpuRequest;
import dev.berth.runner.event.GpuMetrics;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.RunnerEvent;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.runner.eventgrid.MutableClock;
import dev.berth.runner.replica.ReplicaGpu;
import dev.berth.runner.replica.ReplicaInfo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class GpuSamplerTest {
    private final MutableClock clock = new MutableClock();
    private final List<RunnerEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> devices = new AtomicReference<>("0, GPU-aaaa, 90, 9000, 16000\n1, GPU-bbbb, 30, 3000, 16000\n");
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private List<ReplicaInfo> replicas = List.of();

    private final GpuMeter meter = new GpuMeter((command, timeout) -> {
        calls.incrementAndGet();
        if (failure.get() != null) throw failure.get();
        return new CommandRunner.Output(0, command.equals(GpuMeter.DEVICES) ? devices.get()
                : "GPU-aaaa, 101, 2500\nGPU-bbbb, 202, 1200\n");
    });
    private final Map<String, Set<Long>> pids = Map.of("c-1", Set.of(101L), "c-2", Set.of(202L));
    private final GpuSampler sampler = new GpuSampler(meter, () -> replicas, id -> pids.getOrDefault(id, Set.of()),
            events::add, clock, (delay, wake) -> false);

    private static ReplicaInfo replica(String id, String revision, ReplicaState state, String container, GpuRequest gpu) {
        return new ReplicaInfo(id, revision, state, container, MutableClock.START, Optional.empty(), 0, 0, 0, 0,
                gpu.requested() ? new ReplicaGpu(gpu, false, "") : ReplicaGpu.NONE);
    }

    private List<GpuMetrics> metrics() {
        return events.stream().filter(GpuMetrics.class::isInstance).map(GpuMetrics.class::cast).toList();
    }

    @Test
    void sample_splitReplicas_eachGetsItsDeviceAndItsMemory() {
        replicas = List.of(replica("app-1", "rev-1", ReplicaState.READY, "c-1", new GpuRequest(0, List.of("0"))),
                replica("app-2", "rev-1", ReplicaState.READY, "c-2", new GpuRequest(0, List.of("1"))));

        sampler.sample();

        assertThat(metrics()).containsExactly(
                new GpuMetrics(MutableClock.START, "rev-1", "app-1", List.of("0"), 90, 2500, 16000),
                new GpuMetrics(MutableClock.START, "rev-1", "app-2", List.of("1"), 30, 1200, 16000));
        assertThat(sampler.busy("rev-1")).as("two GPUs: 90 % + 30 %").hasValue(120);
    }

    @Test
    void busy_replicasSharingOneGpu_countItOnce() {
        replicas = List.of(replica("app-1", "rev-1", ReplicaState.READY, "c-1", new GpuRequest(1, List.of())),
                replica("app-2", "rev-1", ReplicaState.READY, "c-2", new GpuRequest(1, List.of())));

        sampler.sample();

        assertThat(metrics()).extracting(GpuMetrics::utilisationPercent).containsExactly(90.0, 90.0);
        assertThat(sampler.busy("rev-1")).as("one device at 90 %, however many replicas share it").hasValue(90);
    }

    @Test
    void sample_deviceNvidiaSmiDoesNotList_warnsOncePerReplica() {
        replicas = List.of(replica("app-1", "rev-1", ReplicaState.READY, "c-1", new GpuRequest(0, List.of("MIG-1g.10gb"))));

        sampler.sample();
        sampler.sample();

        assertThat(metrics()).isEmpty();
        assertThat(events).singleElement().isInstanceOfSatisfying(RunnerNotice.class, n -> {
            assertThat(n.text()).contains("app-1").contains("GPU MIG-1g.10gb").contains("nvidia-smi -L");
            assertThat(n.level()).isEqualTo(RunnerNotice.Level.WARNING);
        });
    }

    @Test
    void loop_aSampleThatThrows_isReported_andSamplingGoesOn() throws Exception {
        replicas = List.of(replica("app-1", "rev-1", ReplicaState.READY, "c-1", new GpuRequest(1, List.of())));
        var published = new java.util.concurrent.LinkedBlockingQueue<RunnerEvent>();
        var first = new java.util.concurrent.atomic.AtomicBoolean(true);
        var looping = new GpuSampler(meter, () -> replicas, id -> Set.of(), e -> {
            if (e instanceof GpuMetrics && first.getAndSet(false)) throw new IllegalStateException("event store refused it");
            published.add(e);
        }, clock, (delay, wake) -> false).start();
        try {
            var notice = published.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(notice).isInstanceOfSatisfying(RunnerNotice.class,
                    n -> assertThat(n.text()).contains("event store refused it"));
            assertThat(published.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(GpuMetrics.class);
        } finally {
            looping.close();
        }
    }

    @Test
    void close_duringASlowNvidiaSmi_interruptsIt_andPublishesNothingAfter() throws Exception {
        replicas = List.of(replica("app-1", "rev-1", ReplicaState.READY, "c-1", new GpuRequest(1, List.of())));
        var inMeter = new java.util.concurrent.CountDownLatch(1);
        var slow = new GpuMeter((command, timeout) -> {
            inMeter.countDown();
            try {
                Thread.sleep(timeout.toMillis()); // as a hung nvidia-smi: only the interrupt ends it early
            } catch (InterruptedException e) {
                throw new IOException("interrupted while waiting for nvidia-smi", e);
            }
            return new CommandRunner.Output(0, devices.get());
        });
        var looping = new GpuSampler(slow, () -> replicas, id -> Set.of(), events::add, clock, (delay, wake) -> false).start();
        assertThat(inMeter.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        looping.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GpuMeter.TIMEOUT);
        assertThat(events).as("no warning about the interrupt, no sample after close").isEmpty();
    }

    @Test
    void sample_noReplicaOnAGpu_neverRunsNvidiaSmi() {
        replicas = List.of(replica("app-1", "rev-1", ReplicaState.READY, "c-1", GpuRequest.NONE),
                replica("app-2", "rev-1", ReplicaState.STARTING, "c-2", new GpuRequest(1, List.of())));

        sampler.sample();

        assertThat(calls).hasValue(0);
        assertThat(events).isEmpty();
        assertThat(sampler.busy("rev-1")).isEmpty();
    }

    @Test
    void sample_meterFailsTwiceTheSameWay_warnsOnce_thenAgainForANewCause() {
        replicas = List.of(replica("app-1", "rev-1", ReplicaState.READY, "c-1", new GpuRequest(1, List.of())));
        failure.set(new IOException("Cannot run program \"nvidia-smi\""));

        sampler.sample();
        sampler.sample();
        failure.set(null);
        sampler.sample();
        failure.set(new IOException("nvidia-smi did not finish within 5 s"));
        sampler.sample();

        var notices = events.stream().filter(RunnerNotice.class::isInstance).map(RunnerNotice.class::cast).toList();
        assertThat(notices).extracting(RunnerNotice::text).satisfiesExactly(
                t -> assertThat(t).contains("nvidia-smi is not installed").contains("replicas keep running"),
                t -> assertThat(t).contains("did not finish within 5 s"));
        assertThat(notices).allSatisfy(n -> assertThat(n.level()).isEqualTo(RunnerNotice.Level.WARNING));
        assertThat(metrics()).hasSize(1);
    }

    @Test
    void utilisation_staleReadingsOrOtherRevisions_doNotCount() {
        replicas = List.of(replica("app-1", "rev-1", ReplicaState.READY, "c-1", new GpuRequest(1, List.of())));
        sampler.sample();

        assertThat(sampler.busy("rev-2")).isEmpty();
        clock.advance(GpuSampler.FRESH.plusSeconds(1));
        assertThat(sampler.busy("rev-1")).as("the meter stopped answering: no stale figure").isEmpty();
    }

    @Test
    void sample_replicaGone_isForgotten() {
        replicas = List.of(replica("app-1", "rev-1", ReplicaState.READY, "c-1", new GpuRequest(1, List.of())));
        sampler.sample();
        replicas = List.of();

        sampler.sample();

        assertThat(sampler.busy("rev-1")).isEmpty();
    }

    @Test
    void start_samplesEveryIntervalUntilClosed() throws Exception {
        replicas = List.of(replica("app-1", "rev-1", ReplicaState.READY, "c-1", new GpuRequest(1, List.of())));
        var paused = new java.util.concurrent.LinkedBlockingQueue<Duration>();
        var twoSamples = new java.util.concurrent.CountDownLatch(2);
        var looping = new GpuSampler(meter, () -> replicas, id -> Set.of(), e -> {
            if (e instanceof GpuMetrics) twoSamples.countDown();
        }, clock, (delay, wake) -> {
            paused.add(delay);
            return false;
        });

        looping.start();
        assertThat(twoSamples.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        looping.close();

        assertThat(paused.peek()).isEqualTo(GpuSampler.INTERVAL);
    }
}
