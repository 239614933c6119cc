package dev.berth.runner.docker;

import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import dev.berth.runner.container.ResourceUse;

/// Reads Docker's stats sample (this and the previous cpu reading, memory use and limit) into a
/// [ResourceUse]. Memory counts the page cache Docker also leaves out of `docker stats` (inactive_file).
/// Stateless.
final class ResourceStats {
    private ResourceStats() {}

    static ResourceUse use(Statistics stats, long nanoCpus) {
        var now = stats.getCpuStats();
        var before = stats.getPreCpuStats();
        long cpuDelta = total(now) - total(before);
        long systemDelta = system(now) - system(before);
        long online = now != null && now.getOnlineCpus() != null ? now.getOnlineCpus() : Runtime.getRuntime().availableProcessors();
        var memory = stats.getMemoryStats();
        long usage = memory == null || memory.getUsage() == null ? 0 : memory.getUsage();
        long cache = memory == null || memory.getStats() == null || memory.getStats().getInactiveFile() == null
                ? 0 : memory.getStats().getInactiveFile();
        long limit = memory == null || memory.getLimit() == null ? 0 : memory.getLimit();
        return ResourceUse.of(cpuDelta, systemDelta, online, nanoCpus, Math.max(0, usage - cache), limit);
    }

    private static long total(CpuStatsConfig cpu) {
        return cpu == null || cpu.getCpuUsage() == null || cpu.getCpuUsage().getTotalUsage() == null
                ? 0 : cpu.getCpuUsage().getTotalUsage();
    }

    private static long system(CpuStatsConfig cpu) {
        return cpu == null || cpu.getSystemCpuUsage() == null ? 0 : cpu.getSystemCpuUsage();
    }
}
