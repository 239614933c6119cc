package dev.berth.runner.ingress;

import java.io.IOException;

/// The ingress port is taken. The message names the port and the fix.
public final class PortInUseException extends IOException {
    private final int port;

    public PortInUseException(int port, Throwable cause) {
        super("Port " + port + " on 127.0.0.1 is already in use (another `berth run`, `func start` or server?). "
                + "Fix: stop that process, or choose another port with --port " + (port + 1)
                + ".", cause);
        this.port = port;
    }

    public int port() { return port; }
}
