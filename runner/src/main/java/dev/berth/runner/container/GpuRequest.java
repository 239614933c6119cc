package dev.berth.runner.container;

import java.util.List;

/// The GPUs a container asks for: `count` GPUs (-1 = all), or the given device ids when not empty.
/// [#NONE] asks for none.
public record GpuRequest(int count, List<String> deviceIds) {
    public static final GpuRequest NONE = new GpuRequest(0, List.of());

    public GpuRequest { deviceIds = List.copyOf(deviceIds); }

    public static GpuRequest all() { return new GpuRequest(-1, List.of()); }

    public boolean requested() { return count != 0 || !deviceIds.isEmpty(); }
}
