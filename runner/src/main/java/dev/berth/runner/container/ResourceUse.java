package dev.berth.runner.container;

/// What a container uses, as the cpu and memory scale rules read it: cpu in percent of the cpu the
/// container was given (its limit, else the machine's cpus), memory in percent of its memory limit.
/// Immutable.
public record ResourceUse(double cpuPercent, double memoryPercent) {
    /// From one pair of engine stats samples: cpu time used by the container and by the whole system
    /// between them (ns), the machine's online cpus, the container's cpu limit (0 = none), and its memory
    /// use and limit in bytes.
    public static ResourceUse of(long containerCpuDelta, long systemCpuDelta, long onlineCpus, long nanoCpus,
                                 long memoryUsage, long memoryLimit) {
        double cores = systemCpuDelta > 0 && containerCpuDelta >= 0
                ? (double) containerCpuDelta / systemCpuDelta * Math.max(1, onlineCpus) : 0;
        double given = nanoCpus > 0 ? nanoCpus / 1e9 : Math.max(1, onlineCpus);
        double memory = memoryLimit > 0 ? 100.0 * memoryUsage / memoryLimit : 0;
        return new ResourceUse(100.0 * cores / given, memory);
    }
}
