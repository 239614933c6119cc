package dev.berth.runner.session;

/// A run could not start (ingress port in use, image build failed, replica never became ready…).
/// The message is for the user: it names the cause and the fix.
public final class RunException extends Exception {
    public RunException(String message) { super(message); }
    public RunException(String message, Throwable cause) { super(message, cause); }
}
