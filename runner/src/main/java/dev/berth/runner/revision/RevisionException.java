package dev.berth.runner.revision;

/// A revision or traffic action that cannot be done; the message says why and how to fix it.
public final class RevisionException extends Exception {
    /// NOT_FOUND: no such revision; WRONG_STATE: not in this mode or state; INVALID: bad weights or labels;
    /// FAILED: the build or start of a revision failed.
    public enum Reason { NOT_FOUND, WRONG_STATE, INVALID, FAILED }

    private final Reason reason;

    public RevisionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RevisionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
