package dev.berth.runner.gpu;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GpuMeterTest {
    private static final String DEVICES = """
            0, GPU-aaaa-1111, 87, 30512, 81559
            1, GPU-bbbb-2222, 3, 1024, 81559
            """;
    private static final String PROCESSES = """
            GPU-aaaa-1111, 4242, 30000
            GPU-bbbb-2222, 5151, 1000
            """;

    private static CommandRunner smi(String devices, String processes) {
        return (command, timeout) -> new CommandRunner.Output(0,
                command.equals(GpuMeter.DEVICES) ? devices : processes);
    }

    @Test
    void read_devicesAndProcesses_parsesBoth() throws Exception {
        var snapshot = new GpuMeter(smi(DEVICES, PROCESSES)).read();

        assertThat(snapshot.devices()).containsExactly(new GpuDeviceUse(0, "GPU-aaaa-1111", 87, 30512, 81559),
                new GpuDeviceUse(1, "GPU-bbbb-2222", 3, 1024, 81559));
        assertThat(snapshot.processes()).containsExactly(new GpuProcessUse("GPU-aaaa-1111", 4242, 30000),
                new GpuProcessUse("GPU-bbbb-2222", 5151, 1000));
    }

    @Test
    void read_asksForCsvWithoutHeaderOrUnits_withinTheTimeout() throws Exception {
        var asked = new ArrayList<List<String>>();
        new GpuMeter((command, timeout) -> {
            asked.add(command);
            assertThat(timeout).isEqualTo(GpuMeter.TIMEOUT);
            return new CommandRunner.Output(0, "");
        }).read();

        assertThat(asked).containsExactly(GpuMeter.DEVICES, GpuMeter.PROCESSES);
        assertThat(GpuMeter.DEVICES).contains("--query-gpu=index,uuid,utilization.gpu,memory.used,memory.total",
                "--format=csv,noheader,nounits");
    }

    @Test
    void read_migDeviceWithoutUtilisation_readsZero() throws Exception {
        var snapshot = new GpuMeter(smi("0, MIG-cccc, [N/A], 512, 10240\n", "")).read();

        assertThat(snapshot.devices()).containsExactly(new GpuDeviceUse(0, "MIG-cccc", 0, 512, 10240));
    }

    @Test
    void read_infoRomWarningBeforeTheRows_isSkipped() throws Exception {
        var snapshot = new GpuMeter(smi("WARNING: infoROM is corrupted at gpu 0000:00:04.0\n" + DEVICES, "")).read();

        assertThat(snapshot.devices()).hasSize(2);
    }

    @Test
    void read_noProcessesSentence_isAnEmptyList() throws Exception {
        var snapshot = new GpuMeter(smi(DEVICES, "No running processes found\n")).read();

        assertThat(snapshot.processes()).isEmpty();
    }

    @Test
    void read_processQueryFails_stillGivesTheDevices() throws Exception {
        var snapshot = new GpuMeter((command, timeout) -> command.equals(GpuMeter.DEVICES)
                ? new CommandRunner.Output(0, DEVICES) : new CommandRunner.Output(6, "Not supported")).read();

        assertThat(snapshot.devices()).hasSize(2);
        assertThat(snapshot.processes()).isEmpty();
    }

    @Test
    void read_nvidiaSmiMissing_saysItComesWithTheDriver() {
        var meter = new GpuMeter((command, timeout) -> { throw new IOException("Cannot run program \"nvidia-smi\": error=2"); });

        assertThatThrownBy(meter::read).isInstanceOf(GpuMeterException.class)
                .hasMessageContaining("nvidia-smi is not installed").hasMessageContaining("NVIDIA driver");
    }

    @Test
    void read_driverNotLoaded_reportsExitCodeAndText() {
        var meter = new GpuMeter((command, timeout) -> new CommandRunner.Output(9,
                "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n"));

        assertThatThrownBy(meter::read).hasMessageContaining("exited with 9")
                .hasMessageContaining("couldn't communicate with the NVIDIA driver");
    }

    @Test
    void read_timeout_isReportedAsIs() {
        var meter = new GpuMeter((command, timeout) -> { throw new IOException("nvidia-smi did not finish within 5 s"); });

        assertThatThrownBy(meter::read).hasMessage("nvidia-smi did not finish within 5 s");
    }

    @Test
    void read_lineWithMissingColumns_namesTheLine() {
        var meter = new GpuMeter(smi("0, GPU-aaaa, 87\n", ""));

        assertThatThrownBy(meter::read).hasMessageContaining("cannot read").hasMessageContaining("0, GPU-aaaa, 87");
    }

    @Test
    void read_indexNotANumber_namesTheCell() {
        var meter = new GpuMeter(smi("first, GPU-aaaa, 87, 1, 2\n", ""));

        assertThatThrownBy(meter::read).hasMessageContaining("\"first\"");
    }

    @Test
    void read_utilisationNotANumber_namesTheCell() {
        var meter = new GpuMeter(smi("0, GPU-aaaa, busy, 1, 2\n", ""));

        assertThatThrownBy(meter::read).hasMessageContaining("\"busy\"");
    }
}
