package dev.berth.runner.replica;

import dev.berth.runner.container.ContainerEngine;
import dev.berth.runner.container.ContainerStatus;

import java.util.List;

/// Explains why a replica's container stopped: exit code, OOM flag, the last log lines and a hint at the
/// fix. Stateless; blocks on the engine, so call it from a replica's virtual thread.
final class ExitReport {
    static final int TAIL_LINES = 20;

    private ExitReport() {}

    /// "exit code 1, OOM killed: no, last logs: …"
    static String describe(ContainerEngine engine, String containerId, ContainerStatus status, ReplicaTemplate template) {
        if (!status.exists()) return "the container is gone (removed outside Berth?)";
        var text = new StringBuilder("exit code ").append(status.exitCode())
                .append(", OOM killed: ").append(status.oomKilled() ? "yes" : "no");
        if (status.oomKilled()) {
            text.append(". Fix: raise template.containers[0].resources.memory in containerapp.yaml (now ")
                    .append(template.memoryBytes() / (1024 * 1024)).append(" MiB) or use less memory");
        } else if (status.exitCode() == 137) {
            text.append(" (killed by SIGKILL)");
        }
        return text.append(", last logs:").append(lastLogs(engine, containerId)).toString();
    }

    /// The last lines of output, each on its own line, or " (none)".
    static String lastLogs(ContainerEngine engine, String containerId) {
        List<String> tail;
        try {
            tail = engine.tailLogs(containerId, TAIL_LINES);
        } catch (RuntimeException e) {
            return " (unavailable: " + e.getMessage() + ")";
        }
        return tail.isEmpty() ? " (none)" : "\n" + String.join("\n", tail);
    }

    /// Why a container that exits before it is ready usually does, and where to look.
    static String startHint(ReplicaTemplate template) {
        return "Fix: read the last logs; the handler must start and listen on 0.0.0.0:$FUNCTIONS_CUSTOMHANDLER_PORT"
                + " (containerapp.yaml properties.configuration.ingress.targetPort, now " + template.handlerPort() + ")";
    }
}
