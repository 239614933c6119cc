package dev.berth.runner.project;

import java.util.List;

/// The GPUs each replica of the app asks for, and what happens when the engine cannot give them.
/// `count` GPUs per replica (-1 = all), or the `deviceIds` when not empty (never both: Docker refuses that).
/// `sharing` says whether replicas share the same GPUs or split `deviceIds` (or GPUs 0..count-1) one per
/// replica. `source` names where the request came from, for messages. Immutable.
public record ContainerAppGpu(Mode mode, int count, List<String> deviceIds, Sharing sharing, String source) {
    /// No GPU asked for.
    public static final ContainerAppGpu NONE = new ContainerAppGpu(Mode.OFF, 0, List.of(), Sharing.SHARE, "");

    /// `require`: fail with the cause when no GPU can be given; `prefer`: run on CPU with a warning;
    /// `off`: never ask for a GPU.
    public enum Mode { REQUIRE, PREFER, OFF }

    public enum Sharing { SHARE, SPLIT }

    public ContainerAppGpu {
        deviceIds = List.copyOf(deviceIds);
        if (count != 0 && !deviceIds.isEmpty()) {
            throw new IllegalArgumentException("a GPU request has a count or device ids, not both");
        }
    }

    /// Whether replicas get a device request.
    public boolean requested() { return mode != Mode.OFF && (count != 0 || !deviceIds.isEmpty()); }
}
