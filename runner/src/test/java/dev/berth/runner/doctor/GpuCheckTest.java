package dev.berth.runner.doctor;

import dev.berth.runner.container.EngineInfo;
import dev.berth.runner.doctor.Finding.Status;
import dev.berth.runner.gpu.CommandRunner;
import dev.berth.runner.gpu.GpuProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GpuCheckTest {
    private static final CommandRunner ONE_T4 = (command, timeout) -> new CommandRunner.Output(0, "Tesla T4, 15360, 550.54.15\n");
    private static final CommandRunner NO_SMI = (command, timeout) -> { throw new IOException("Cannot run program \"nvidia-smi\""); };
    private static final EngineInfo NVIDIA_RUNTIME = new EngineInfo("27.3.1", "1.47", "linux", true,
            "The NVIDIA runtime is registered with Docker, so replicas can request a GPU.");
    @TempDir Path cdi;

    private List<Finding> run(CommandRunner smi, EngineState engine) {
        return new GpuCheck(new GpuProbe(smi, List.of(cdi))).run(engine);
    }

    @Test
    void run_gpuAndNvidiaRuntime_bothOk() {
        var findings = run(ONE_T4, DoctorFakes.reachable(NVIDIA_RUNTIME));
        assertThat(findings).extracting(Finding::status).containsExactly(Status.OK, Status.OK);
        assertThat(findings.get(0).found()).isEqualTo("Tesla T4, 15360 MiB, driver 550.54.15");
    }

    @Test
    void run_noGpu_isInfoNotAFailure() {
        var findings = run(NO_SMI, DoctorFakes.reachable());
        assertThat(findings).extracting(Finding::status).containsExactly(Status.INFO, Status.INFO);
        assertThat(findings.get(0).found()).contains("nvidia-smi not found");
        assertThat(findings.get(0).fix()).contains("run on CPU");
    }

    @Test
    void run_gpuButNoRuntime_warnsToInstallTheToolkit() {
        var findings = run(ONE_T4, DoctorFakes.reachable());
        assertThat(findings).extracting(Finding::status).containsExactly(Status.OK, Status.WARN);
        assertThat(findings.get(1).fix()).contains("NVIDIA Container Toolkit").contains("nvidia-ctk runtime configure");
    }

    @Test
    void run_gpuWithACdiSpec_isOk() throws IOException {
        Files.writeString(cdi.resolve("nvidia.yaml"), "kind: nvidia.com/gpu\n");
        var containers = run(ONE_T4, DoctorFakes.reachable()).get(1);
        assertThat(containers.status()).isEqualTo(Status.OK);
        assertThat(containers.found()).contains("CDI spec").contains("nvidia.yaml");
    }

    @Test
    void run_nvidiaSmiBroken_warnsWithItsMessage() {
        var findings = run((command, timeout) -> new CommandRunner.Output(9, "couldn't communicate with the NVIDIA driver"),
                DoctorFakes.reachable());
        assertThat(findings.get(0).status()).isEqualTo(Status.WARN);
        assertThat(findings.get(0).found()).contains("couldn't communicate");
    }

    @Test
    void run_dockerUnreachable_stillReportsTheHostGpu() {
        var findings = run(ONE_T4, DoctorFakes.unreachable());
        assertThat(findings).extracting(Finding::status).containsExactly(Status.OK, Status.INFO);
    }
}
