package dev.berth.app.ui.run;

import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.replica.ReplicaInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaBoardTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private final ReplicaBoard board = new ReplicaBoard();

    private static ReplicaStateChanged event(long millis, String id, ReplicaState state) {
        return new ReplicaStateChanged(T0.plusMillis(millis), id, "r1", "c-" + id, state, "");
    }

    @Test
    void apply_startingThenReady_keepsStartTimeAndRecordsReadyTime() {
        board.apply(event(0, "a", ReplicaState.STARTING));
        board.apply(event(800, "a", ReplicaState.READY));
        var row = board.rows().getFirst();
        assertThat(row.state()).isEqualTo("READY");
        assertThat(row.started()).isEqualTo(T0);
        assertThat(row.ready()).isEqualTo(T0.plusMillis(800));
    }

    @Test
    void counts_readyAndLive_ignoreStoppedReplicas() {
        board.apply(event(0, "a", ReplicaState.READY));
        board.apply(event(0, "b", ReplicaState.STARTING));
        board.apply(event(0, "c", ReplicaState.STOPPED));
        assertThat(board.readyCount()).isEqualTo(1);
        assertThat(board.liveCount()).isEqualTo(2);
    }

    @Test
    void merge_snapshot_addsPortsButKeepsNewerEventState() {
        board.apply(event(0, "a", ReplicaState.STOPPING));
        board.merge(List.of(new ReplicaInfo("a", "r1", ReplicaState.READY, "c-a", T0, Optional.of(T0), 49153, 0, 2, 1)));
        var row = board.rows().getFirst();
        assertThat(row.state()).isEqualTo("STOPPING");
        assertThat(row.hostPort()).isEqualTo(49153);
        assertThat(row.outstanding()).isEqualTo(2);
        assertThat(row.restarts()).isEqualTo(1);
    }

    @Test
    void merge_takesEachReplicasGpu_andEventsKeepIt() {
        board.apply(event(0, "a", ReplicaState.STARTING));
        var gpu = new dev.berth.runner.replica.ReplicaGpu(new dev.berth.runner.container.GpuRequest(0, List.of("1")), false, "");
        board.merge(List.of(new ReplicaInfo("a", "r1", ReplicaState.STARTING, "c-a", T0, Optional.empty(), 0, 0, 0, 0, gpu)));
        board.apply(event(900, "a", ReplicaState.READY));

        assertThat(board.rows().getFirst().device()).isEqualTo("GPU 1");
    }

    @Test
    void merge_replicaFellBackToCpu_saysSoWithTheReason() {
        var cpu = new dev.berth.runner.replica.ReplicaGpu(dev.berth.runner.container.GpuRequest.NONE, true,
                "no NVIDIA runtime registered with Docker");
        board.merge(List.of(new ReplicaInfo("a", "r1", ReplicaState.READY, "c-a", T0, Optional.of(T0), 0, 0, 0, 0, cpu)));

        assertThat(board.rows().getFirst().device()).isEqualTo("CPU (no NVIDIA runtime registered with Docker)");
    }
}
