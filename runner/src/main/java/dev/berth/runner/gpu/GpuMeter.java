package dev.berth.runner.gpu;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/// Reads what the host's NVIDIA GPUs are doing, with two `nvidia-smi` queries: the devices (utilisation,
/// memory) and the compute processes on them (memory per process, so replicas that share a GPU each get
/// their own memory figure). Thread-safe; each read blocks for up to [#TIMEOUT].
public final class GpuMeter {
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final List<String> DEVICES = List.of("nvidia-smi",
            "--query-gpu=index,uuid,utilization.gpu,memory.used,memory.total", "--format=csv,noheader,nounits");
    static final List<String> PROCESSES = List.of("nvidia-smi",
            "--query-compute-apps=gpu_uuid,pid,used_memory", "--format=csv,noheader,nounits");

    private final CommandRunner commands;

    public GpuMeter(CommandRunner commands) { this.commands = commands; }

    public static GpuMeter system() { return new GpuMeter(CommandRunner.system()); }

    /// One sample. Throws [GpuMeterException] with what went wrong (not installed, driver not loaded,
    /// output Berth cannot read), for the user.
    public GpuSnapshot read() throws GpuMeterException {
        var devices = parseDevices(run(DEVICES));
        // A driver that cannot list processes (WSL, some vGPUs) still gives the devices' figures.
        var processes = tryProcesses();
        return new GpuSnapshot(devices, processes);
    }

    private List<GpuProcessUse> tryProcesses() {
        try {
            return parseProcesses(run(PROCESSES));
        } catch (GpuMeterException e) {
            return List.of();
        }
    }

    private String run(List<String> command) throws GpuMeterException {
        CommandRunner.Output output;
        try {
            output = commands.run(command, TIMEOUT);
        } catch (IOException e) {
            var message = String.valueOf(e.getMessage());
            throw new GpuMeterException(message.contains("Cannot run program")
                    ? "nvidia-smi is not installed on this machine (it comes with the NVIDIA driver)" : message);
        }
        if (!output.ok()) {
            throw new GpuMeterException("nvidia-smi exited with " + output.exitCode() + ": " + output.text().strip());
        }
        return output.text();
    }

    /// Parses `--query-gpu=index,uuid,utilization.gpu,memory.used,memory.total` (csv, no header, no units).
    static List<GpuDeviceUse> parseDevices(String csv) throws GpuMeterException {
        var devices = new ArrayList<GpuDeviceUse>();
        for (var cells : rows(csv, 5)) {
            devices.add(new GpuDeviceUse((int) number(cells, 0), cells[1], optional(cells[2]), optionalLong(cells[3]),
                    optionalLong(cells[4])));
        }
        return devices;
    }

    /// Parses `--query-compute-apps=gpu_uuid,pid,used_memory` (csv, no header, no units).
    static List<GpuProcessUse> parseProcesses(String csv) throws GpuMeterException {
        var processes = new ArrayList<GpuProcessUse>();
        for (var cells : rows(csv, 3)) {
            processes.add(new GpuProcessUse(cells[0], number(cells, 1), optionalLong(cells[2])));
        }
        return processes;
    }

    private static List<String[]> rows(String csv, int columns) throws GpuMeterException {
        var rows = new ArrayList<String[]>();
        for (var line : csv.strip().split("\\R")) {
            // Older drivers print a sentence instead of an empty list; a driver with a damaged infoROM prefixes a
            // WARNING line (the runner hands back stdout and stderr together).
            if (line.isBlank() || line.startsWith("No running") || line.startsWith("WARNING:")) continue;
            var cells = line.split(",");
            if (cells.length != columns) {
                throw new GpuMeterException("nvidia-smi printed a line Berth cannot read: " + line.strip());
            }
            for (int i = 0; i < cells.length; i++) cells[i] = cells[i].strip();
            rows.add(cells);
        }
        return rows;
    }

    private static long number(String[] cells, int column) throws GpuMeterException {
        try {
            return Long.parseLong(cells[column]);
        } catch (NumberFormatException e) {
            throw new GpuMeterException("nvidia-smi printed \"" + cells[column] + "\" where Berth expects a number, in: "
                    + String.join(", ", cells));
        }
    }

    /// "[N/A]" or "[Not Supported]" (MIG devices, some vGPUs) reads as 0.
    private static double optional(String cell) throws GpuMeterException {
        if (cell.startsWith("[")) return 0;
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new GpuMeterException("nvidia-smi printed \"" + cell + "\" where Berth expects a number");
        }
    }

    private static long optionalLong(String cell) throws GpuMeterException { return Math.round(optional(cell)); }
}
