package dev.berth.runner.gpu;

import java.util.List;

/// What the host's GPUs were doing at one moment: every device, and the compute processes on them (empty
/// where the driver does not list processes, as under WSL). Immutable.
public record GpuSnapshot(List<GpuDeviceUse> devices, List<GpuProcessUse> processes) {
    public GpuSnapshot {
        devices = List.copyOf(devices);
        processes = List.copyOf(processes);
    }
}
