package dev.berth.runner.durable;

/// A request the durable backend refuses, with a message that says why and what to do. `reason` tells
/// the protocol layers which status to answer (gRPC code, HTTP status).
public final class DurableException extends Exception {
    public enum Reason {
        /// No instance with that id in that task hub (404 / NOT_FOUND).
        NOT_FOUND,
        /// An instance with that id is still running (409 / ALREADY_EXISTS).
        ALREADY_EXISTS,
        /// The instance is not in a state that allows it, e.g. an event for a finished instance (410 / FAILED_PRECONDITION).
        WRONG_STATE,
        /// The request itself is malformed: bad JSON, unknown orchestration name (400 / INVALID_ARGUMENT).
        INVALID
    }

    private final Reason reason;

    public DurableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
