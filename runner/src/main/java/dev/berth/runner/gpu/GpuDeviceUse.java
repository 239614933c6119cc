package dev.berth.runner.gpu;

/// One GPU's state in one `nvidia-smi` sample: its index and UUID (either may name it in
/// `NVIDIA_VISIBLE_DEVICES`), how busy it was over the driver's last sample period (percent; 0 when the
/// driver does not report it, as on MIG devices) and its memory in MiB. Immutable.
public record GpuDeviceUse(int index, String uuid, double utilisationPercent, long memoryUsedMiB, long memoryTotalMiB) {
    /// Whether `id` (an index such as "0" or a UUID such as "GPU-5fd4…") names this device.
    public boolean named(String id) {
        var trimmed = id.strip();
        return trimmed.equals(Integer.toString(index)) || trimmed.equalsIgnoreCase(uuid);
    }
}
