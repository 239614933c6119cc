package dev.berth.runner.docker;

import dev.berth.runner.container.EngineUnavailableException;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/// Translates why Docker could not be reached into a message that names the cause and the fix.
/// Stateless; thread-safe.
final class EngineErrors {
    static final String START_HINT = "start it (sudo systemctl start docker, or `bash scripts/ensure-docker.sh`)";

    private EngineErrors() {}

    /// `dockerHost` is the address tried; `fromEnvironment` whether it came from DOCKER_HOST.
    static EngineUnavailableException unavailable(String dockerHost, boolean fromEnvironment, Throwable error) {
        var cause = rootCause(error);
        var text = describe(cause).toLowerCase(Locale.ROOT);
        String where = fromEnvironment ? "DOCKER_HOST=" + dockerHost : dockerHost;
        String message;
        if (cause instanceof AccessDeniedException || text.contains("permission denied")) {
            message = "Docker refused the connection on " + where + ": permission denied. Add your user to the "
                    + "docker group (sudo usermod -aG docker $USER, then log in again) or run Berth as root.";
        } else if (isUnixSocket(dockerHost) && isMissingSocket(cause, text)) {
            message = "Docker is not running: no socket at " + socketPath(dockerHost) + ". Start it (sudo systemctl "
                    + "start docker, or `bash scripts/ensure-docker.sh`)"
                    + (fromEnvironment ? ", or fix DOCKER_HOST=" + dockerHost + " if it points to the wrong socket." : ".");
        } else if (fromEnvironment) {
            message = "Docker does not answer at DOCKER_HOST=" + dockerHost + " (" + describe(cause) + "). Check "
                    + "that DOCKER_HOST names a running engine, or unset it to use the local socket.";
        } else if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof SocketTimeoutException) {
            message = "Docker does not answer at " + dockerHost + " (" + describe(cause) + "): " + START_HINT + ".";
        } else {
            message = "Docker at " + where + " cannot be used (" + describe(cause) + "). Is it running? " + START_HINT + ".";
        }
        return new EngineUnavailableException(message, error);
    }

    private static boolean isMissingSocket(Throwable cause, String text) {
        return cause instanceof NoSuchFileException || cause instanceof FileNotFoundException
                || text.contains("no such file") || text.contains("connection refused")
                || cause instanceof ConnectException;
    }

    static boolean isUnixSocket(String dockerHost) { return dockerHost.startsWith("unix://"); }

    private static String socketPath(String dockerHost) { return dockerHost.substring("unix://".length()); }

    static Throwable rootCause(Throwable error) {
        var cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        return cause;
    }

    static String describe(Throwable cause) {
        var message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip();
    }
}
