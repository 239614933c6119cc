package dev.berth.runner.container;

/// The engine cannot be reached. The message names the cause (no daemon, no permission, wrong DOCKER_HOST) and the fix.
public final class EngineUnavailableException extends Exception {
    public EngineUnavailableException(String message) { super(message); }
    public EngineUnavailableException(String message, Throwable cause) { super(message, cause); }
}
