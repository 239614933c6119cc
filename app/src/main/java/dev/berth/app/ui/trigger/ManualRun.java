package dev.berth.app.ui.trigger;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/// Runs one function of a running session through its ingress admin endpoint
/// (`POST <ingress>/admin/functions/{name}?wait=true`). Blocking: call it off the FX thread.
@FunctionalInterface
public interface ManualRun {
    Result run(URI ingress, String function, String input) throws IOException, InterruptedException;

    /// The session's answer: `status` is the function's HTTP status (or 200/500 for other triggers).
    record Result(String invocationId, String replica, int status, String error, List<String> logs, String body) {
        public Result {
            logs = List.copyOf(logs);
        }
    }
}
