package dev.berth.runner.gpu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GpuProbeTest {
    @TempDir Path cdi;

    private GpuProbe probe(CommandRunner commands) { return new GpuProbe(commands, List.of(cdi.resolve("absent"), cdi)); }

    @Test
    void gpus_twoGpusListed_parsesNameMemoryAndDriver() {
        var out = "NVIDIA A100-SXM4-80GB, 81920, 550.54.15\nTesla T4, 15360, 550.54.15\n";
        var gpus = probe((command, timeout) -> new CommandRunner.Output(0, out)).gpus();
        assertThat(gpus.gpus()).containsExactly(new HostGpu("NVIDIA A100-SXM4-80GB", 81920, "550.54.15"),
                new HostGpu("Tesla T4", 15360, "550.54.15"));
        assertThat(gpus.problem()).isEmpty();
        assertThat(gpus.gpus().getFirst().describe()).isEqualTo("NVIDIA A100-SXM4-80GB, 81920 MiB, driver 550.54.15");
    }

    @Test
    void gpus_asksNvidiaSmiForCsvWithATimeout() {
        var asked = new Object() { List<String> command; java.time.Duration timeout; };
        probe((command, timeout) -> {
            asked.command = command;
            asked.timeout = timeout;
            return new CommandRunner.Output(0, "");
        }).gpus();
        assertThat(asked.command).containsExactly("nvidia-smi", "--query-gpu=name,memory.total,driver_version",
                "--format=csv,noheader,nounits");
        assertThat(asked.timeout).isEqualTo(GpuProbe.TIMEOUT);
    }

    @Test
    void gpus_nvidiaSmiNotInstalled_isNoGpuWithoutAProblem() {
        var gpus = probe((command, timeout) -> { throw new IOException("Cannot run program \"nvidia-smi\": error=2"); }).gpus();
        assertThat(gpus.present()).isFalse();
        assertThat(gpus.nvidiaSmiFound()).isFalse();
        assertThat(gpus.problem()).isEmpty();
    }

    @Test
    void gpus_driverNotLoaded_reportsWhatNvidiaSmiSaid() {
        var gpus = probe((command, timeout) -> new CommandRunner.Output(9,
                "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n")).gpus();
        assertThat(gpus.present()).isFalse();
        assertThat(gpus.problem()).contains("exited with 9").contains("couldn't communicate");
    }

    @Test
    void gpus_timeout_isAProblem() {
        var gpus = probe((command, timeout) -> { throw new IOException("nvidia-smi did not finish within 10 s"); }).gpus();
        assertThat(gpus.nvidiaSmiFound()).isTrue();
        assertThat(gpus.problem()).contains("did not finish");
    }

    @Test
    void parse_unreadableLine_saysWhichLine() {
        assertThat(GpuProbe.parse("garbage\n").problem()).contains("garbage");
        assertThat(GpuProbe.parse("T4, lots, 550\n").problem()).contains("memory size");
    }

    @Test
    void nvidiaCdiSpec_findsTheSpecDeclaringNvidiaGpus() throws IOException {
        assertThat(probe(null).nvidiaCdiSpec()).isEmpty();
        Files.writeString(cdi.resolve("other.yaml"), "cdiVersion: 0.5.0\nkind: vendor.com/fpga\n");
        Files.writeString(cdi.resolve("nvidia.yaml"), "cdiVersion: 0.5.0\nkind: nvidia.com/gpu\ndevices: []\n");
        assertThat(probe(null).nvidiaCdiSpec()).contains(cdi.resolve("nvidia.yaml"));
    }

    @Test
    void systemRunner_realProgram_returnsItsOutputAndExitCode() throws IOException {
        var output = CommandRunner.system().run(List.of("sh", "-c", "echo hello; exit 3"), java.time.Duration.ofSeconds(10));
        assertThat(output.exitCode()).isEqualTo(3);
        assertThat(output.text()).isEqualTo("hello\n");
    }

    @Test
    void systemRunner_programOutlivesTheTimeout_isKilledWithAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CommandRunner.system()
                        .run(List.of("sleep", "30"), java.time.Duration.ofMillis(200)))
                .isInstanceOf(IOException.class).hasMessageContaining("did not finish");
    }
}
