package dev.berth.runner.container;

/// A container could not be created or started (port taken, image missing, device request refused…).
public final class ContainerStartException extends Exception {
    public ContainerStartException(String message) { super(message); }
    public ContainerStartException(String message, Throwable cause) { super(message, cause); }
}
