package dev.berth.runner.docker;

import com.github.dockerjava.api.command.TopContainerResponse;

import java.util.HashSet;
import java.util.Set;

/// Reads the process ids out of `docker top`'s answer: the engine runs `ps` on its own machine, so its PID
/// column holds the host's numbers. Stateless.
final class ContainerProcesses {
    private ContainerProcesses() {}

    static Set<Long> pids(TopContainerResponse top) {
        var titles = top.getTitles();
        var rows = top.getProcesses();
        if (titles == null || rows == null) return Set.of();
        int column = java.util.Arrays.asList(titles).indexOf("PID");
        if (column < 0) return Set.of();
        var pids = new HashSet<Long>();
        for (var row : rows) {
            if (row.length <= column) continue;
            try {
                pids.add(Long.parseLong(row[column].strip()));
            } catch (NumberFormatException e) {
                // a ps that prints something else there: that row tells us nothing
            }
        }
        return Set.copyOf(pids);
    }
}
