package dev.berth.runner.replica;

import dev.berth.runner.container.EngineInfo;
import dev.berth.runner.container.GpuRequest;
import dev.berth.runner.project.ContainerAppGpu;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/// Reading Docker's GPU errors, the NVIDIA environment and the check before a run.
class GpuRefusalTest {
    @Test
    void noDeviceDriver_isNoNvidiaRuntime() {
        var refusal = GpuRefusal.of("Docker said: could not select device driver \"\" with capabilities: [[gpu]]")
                .orElseThrow();
        assertThat(refusal.cause()).isEqualTo("no NVIDIA runtime or device driver is registered with Docker");
        assertThat(refusal.fix()).contains("NVIDIA Container Toolkit").contains("restart Docker");
    }

    @Test
    void nvidiaHookErrors_areNoGpuOrUnknownDevice() {
        var noGpu = GpuRefusal.of("OCI runtime create failed: nvidia-container-cli: initialization error: nvml error: "
                + "driver not loaded: unknown").orElseThrow();
        assertThat(noGpu.cause()).contains("no usable NVIDIA GPU or driver");
        assertThat(noGpu.fix()).contains("nvidia-smi");
        var unknown = GpuRefusal.of("nvidia-container-cli: device error: 7: unknown device: unknown").orElseThrow();
        assertThat(unknown.cause()).contains("no GPU with the requested id");
        assertThat(unknown.fix()).contains("BERTH_GPU_DEVICES");
    }

    @Test
    void otherNvidiaError_keepsTheEnginesMessage_unrelatedErrorIsNoRefusal() {
        var other = GpuRefusal.of("nvidia-container-cli: mount error: something odd").orElseThrow();
        assertThat(other.cause()).isEqualTo("the engine refused the GPU request");
        assertThat(other.fellBack("x")).contains("Docker said: nvidia-container-cli: mount error: something odd");
        assertThat(GpuRefusal.of("port is already allocated")).isEmpty();
        assertThat(GpuRefusal.of(null)).isEmpty();
    }

    @Test
    void env_matchesTheRequest_keepsTheAppsCapabilities() {
        assertThat(GpuPlacement.env(Map.of("A", "1"), new GpuRequest(2, List.of())))
                .containsEntry("NVIDIA_VISIBLE_DEVICES", "0,1").containsEntry("NVIDIA_DRIVER_CAPABILITIES", "compute,utility")
                .containsEntry("A", "1");
        assertThat(GpuPlacement.env(Map.of(), GpuRequest.all())).containsEntry("NVIDIA_VISIBLE_DEVICES", "all");
        assertThat(GpuPlacement.env(Map.of("NVIDIA_DRIVER_CAPABILITIES", "all"), new GpuRequest(0, List.of("GPU-9"))))
                .containsEntry("NVIDIA_VISIBLE_DEVICES", "GPU-9").containsEntry("NVIDIA_DRIVER_CAPABILITIES", "all");
        assertThat(GpuPlacement.env(Map.of("A", "1"), GpuRequest.NONE)).isEqualTo(Map.of("A", "1"));
    }

    @Test
    void preflight_requireOnEngineWithoutGpu_stopsTheRunWithTheEnginesReason() {
        var noGpu = new EngineInfo("20.10", "1.41", "linux", false, "No NVIDIA runtime is registered with Docker.");
        var require = new ContainerAppGpu(ContainerAppGpu.Mode.REQUIRE, 1, List.of(), ContainerAppGpu.Sharing.SHARE,
                "workload profile NC24-A100 (1 GPU)");
        var prefer = new ContainerAppGpu(ContainerAppGpu.Mode.PREFER, 1, List.of(), ContainerAppGpu.Sharing.SHARE, "p");

        assertThat(GpuPreflight.refusal(require, noGpu)).hasValueSatisfying(m -> assertThat(m)
                .contains("NC24-A100").contains("No NVIDIA runtime").contains("\"BERTH_GPU\": \"prefer\""));
        assertThat(GpuPreflight.refusal(prefer, noGpu)).isEmpty();
        assertThat(GpuPreflight.refusal(ContainerAppGpu.NONE, noGpu)).isEmpty();
        var withGpu = new EngineInfo("20.10", "1.41", "linux", true, "ok");
        assertThat(GpuPreflight.refusal(require, withGpu)).isEmpty();
    }
}
