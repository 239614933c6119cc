package dev.berth.runner.gpu;

import dev.berth.runner.container.GpuRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GpuShareTest {
    private static final GpuDeviceUse GPU0 = new GpuDeviceUse(0, "GPU-aaaa", 80, 20_000, 40_000);
    private static final GpuDeviceUse GPU1 = new GpuDeviceUse(1, "GPU-bbbb", 20, 4_000, 40_000);

    private static GpuSnapshot snapshot(GpuProcessUse... processes) {
        return new GpuSnapshot(List.of(GPU0, GPU1), List.of(processes));
    }

    @Test
    void countRequest_takesTheFirstIndexesAsDockersNvidiaDriverDoes() {
        var share = GpuShare.of(snapshot(), new GpuRequest(1, List.of()), Set.of(), false).orElseThrow();

        assertThat(share.devices()).containsExactly("0");
        assertThat(share.utilisationPercent()).isEqualTo(80);
        assertThat(share.memoryTotalMiB()).isEqualTo(40_000);
    }

    @Test
    void allGpus_averageUtilisationAndAddMemory() {
        var share = GpuShare.of(snapshot(), GpuRequest.all(), Set.of(), false).orElseThrow();

        assertThat(share.devices()).containsExactly("0", "1");
        assertThat(share.utilisationPercent()).isEqualTo(50);
        assertThat(share.memoryUsedMiB()).isEqualTo(24_000);
        assertThat(share.memoryTotalMiB()).isEqualTo(80_000);
    }

    @Test
    void deviceIds_matchIndexOrUuid() {
        var byUuid = GpuShare.of(snapshot(), new GpuRequest(0, List.of("gpu-bbbb")), Set.of(), false).orElseThrow();
        var byIndex = GpuShare.of(snapshot(), new GpuRequest(0, List.of("1")), Set.of(), false).orElseThrow();

        assertThat(byUuid).isEqualTo(byIndex);
        assertThat(byUuid.devices()).containsExactly("1");
    }

    @Test
    void ownProcesses_giveTheReplicasMemory_notTheWholeDevices() {
        var snapshot = snapshot(new GpuProcessUse("GPU-aaaa", 10, 6_000), new GpuProcessUse("GPU-aaaa", 11, 500),
                new GpuProcessUse("GPU-aaaa", 99, 13_500));

        var share = GpuShare.of(snapshot, new GpuRequest(1, List.of()), Set.of(10L, 11L), true).orElseThrow();

        assertThat(share.memoryUsedMiB()).isEqualTo(6_500);
    }

    @Test
    void ownProcessOnAnotherDevice_doesNotCount() {
        var snapshot = snapshot(new GpuProcessUse("GPU-bbbb", 10, 3_000));

        var share = GpuShare.of(snapshot, new GpuRequest(0, List.of("0")), Set.of(10L), false).orElseThrow();

        assertThat(share.memoryUsedMiB()).as("no own process on GPU 0: the unshared device's use").isEqualTo(20_000);
    }

    @Test
    void sharedDeviceWithoutOwnProcesses_claimsNoMemory() {
        var share = GpuShare.of(snapshot(), new GpuRequest(1, List.of()), Set.of(), true).orElseThrow();

        assertThat(share.memoryUsedMiB()).isZero();
        assertThat(share.utilisationPercent()).as("busy time is the device's, shared or not").isEqualTo(80);
    }

    @Test
    void requestForADeviceTheHostLacks_isEmpty() {
        assertThat(GpuShare.of(snapshot(), new GpuRequest(0, List.of("7")), Set.of(), false)).isEmpty();
    }

    @Test
    void overlap_splitDevicesDoNot_sharedCountsDo() {
        var devices = List.of(GPU0, GPU1);

        assertThat(GpuShare.overlap(new GpuRequest(0, List.of("0")), new GpuRequest(0, List.of("1")), devices)).isFalse();
        assertThat(GpuShare.overlap(new GpuRequest(1, List.of()), new GpuRequest(0, List.of("GPU-aaaa")), devices)).isTrue();
        assertThat(GpuShare.overlap(GpuRequest.all(), new GpuRequest(0, List.of("1")), devices)).isTrue();
    }
}
