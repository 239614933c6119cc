package dev.berth.runner.docker;

import java.util.Map;

/// Decides whether a Berth-managed container outlived the Berth process that started it. Stateless.
final class Orphans {
    private Orphans() {}

    /// True when its `berth.pid` names a process other than `ownerPid` that is no longer alive. A
    /// container without a readable pid is kept: removing something we cannot attribute is worse.
    static boolean isOrphan(Map<String, String> labels, long ownerPid) {
        var pidText = labels == null ? null : labels.get(DockerEngine.PID_LABEL);
        if (pidText == null) return false;
        long pid;
        try {
            pid = Long.parseLong(pidText.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == ownerPid) return false;
        return ProcessHandle.of(pid).map(handle -> !handle.isAlive()).orElse(true);
    }
}
