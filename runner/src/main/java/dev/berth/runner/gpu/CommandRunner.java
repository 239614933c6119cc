package dev.berth.runner.gpu;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/// Runs a short host program (nvidia-smi, mvn -v) to completion and hands back what it printed. Injected
/// so the probes are tested without the programs. Implementations are thread-safe.
@FunctionalInterface
public interface CommandRunner {
    /// Runs `command`; throws IOException when it cannot start (not installed) or when it outlives
    /// `timeout` (it is then killed).
    Output run(List<String> command, Duration timeout) throws IOException;

    /// Exit code and the program's output, stdout and stderr together.
    record Output(int exitCode, String text) {
        public boolean ok() { return exitCode == 0; }
    }

    /// The real one: a `ProcessBuilder` per call.
    static CommandRunner system() { return new ProcessCommandRunner(); }
}
