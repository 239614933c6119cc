package dev.berth.runner.queue;

/// An operation on an embedded queue that Azure Storage would refuse too. `code` is Azure's error code
/// name, so callers (CLI, explorer, output bindings) can react without parsing the message; the message
/// names the field and the fix. Immutable.
public final class QueueException extends RuntimeException {
    /// Why the operation was refused; the constant names follow Azure Storage's error codes.
    public enum Code {
        /// A parameter is out of range or malformed (queue name, size, timeout, count).
        INVALID_INPUT,
        /// The queue does not exist.
        QUEUE_NOT_FOUND,
        /// The message does not exist (deleted, expired, or moved to the poison queue).
        MESSAGE_NOT_FOUND,
        /// The pop receipt is not the message's latest one: someone dequeued or updated it since.
        POP_RECEIPT_MISMATCH
    }

    private final Code code;

    public QueueException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
