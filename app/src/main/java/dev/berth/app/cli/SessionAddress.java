package dev.berth.app.cli;

import dev.berth.runner.session.RunFile;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/// Where the commands that talk to a running session find it: `--port`, else the session's
/// `.berth/run.json` in the project folder. Stateless.
final class SessionAddress {
    private SessionAddress() {}

    /// The ingress of the session serving `dir`, or empty when none runs.
    static Optional<URI> of(Path dir, Integer port) {
        return port != null ? Optional.of(URI.create("http://127.0.0.1:" + port))
                : RunFile.ingressOf(dir.toAbsolutePath().normalize());
    }

    /// What to tell the user when no session serves `dir`; `what` says what could not be reached ("" for none).
    static String notRunning(Path dir, String what) {
        return "No running session serves " + dir + (what.isEmpty() ? "" : ", so " + what + " cannot be reached")
                + ". Fix: start it with `berth run " + dir + "` (or Run in the app), or pass --port.";
    }
}
