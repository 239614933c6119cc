package dev.berth.runner.gpu;

import dev.berth.runner.container.GpuRequest;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/// One replica's part of a [GpuSnapshot]: the devices its container asked for and, on them, the utilisation
/// (the devices' mean: the driver does not split a device's busy time between processes) and the memory
/// its own processes hold. Where the driver lists no process of the container (WSL, or a sample taken
/// before the model was loaded and nothing else runs there either) the devices' whole used memory is
/// reported only when no other replica shares them, so two replicas on one GPU never both claim its memory.
/// Immutable.
public record GpuShare(List<String> devices, double utilisationPercent, long memoryUsedMiB, long memoryTotalMiB) {
    public GpuShare { devices = List.copyOf(devices); }

    /// `request` as Docker's NVIDIA driver reads it: device ids, else the first `count` indexes, else all.
    /// `pids` are the container's processes as the host numbers them; `shared` says whether another running
    /// replica asked for any of the same devices. Empty when the request names no device the host has.
    public static Optional<GpuShare> of(GpuSnapshot snapshot, GpuRequest request, Set<Long> pids,
                                                   boolean shared) {
        var devices = devicesOf(snapshot.devices(), request);
        if (devices.isEmpty()) return Optional.empty();
        var uuids = devices.stream().map(GpuDeviceUse::uuid).toList();
        var own = snapshot.processes().stream()
                .filter(p -> pids.contains(p.pid()) && uuids.stream().anyMatch(u -> u.equalsIgnoreCase(p.gpuUuid())))
                .toList();
        long memory = !own.isEmpty() ? own.stream().mapToLong(GpuProcessUse::usedMemoryMiB).sum()
                : shared ? 0 : devices.stream().mapToLong(GpuDeviceUse::memoryUsedMiB).sum();
        double utilisation = devices.stream().mapToDouble(GpuDeviceUse::utilisationPercent).average().orElse(0);
        return Optional.of(new GpuShare(devices.stream().map(d -> Integer.toString(d.index())).toList(),
                utilisation, memory, devices.stream().mapToLong(GpuDeviceUse::memoryTotalMiB).sum()));
    }

    static List<GpuDeviceUse> devicesOf(List<GpuDeviceUse> all, GpuRequest request) {
        if (!request.deviceIds().isEmpty()) {
            return all.stream().filter(d -> request.deviceIds().stream().anyMatch(d::named)).toList();
        }
        if (request.count() < 0) return all;
        var first = IntStream.range(0, request.count()).boxed().toList();
        return all.stream().filter(d -> first.contains(d.index())).toList();
    }

    /// Whether two requests may land on a common device (same rule as [#devicesOf], on indexes/ids).
    public static boolean overlap(GpuRequest a, GpuRequest b, List<GpuDeviceUse> all) {
        var mine = devicesOf(all, a);
        return devicesOf(all, b).stream().anyMatch(mine::contains);
    }
}
