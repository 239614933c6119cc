package dev.berth.runner.durable;

/// Why an activity, sub-orchestration or orchestration failed, as the SDK reported it. `stackTrace` may
/// be empty.
public record Failure(String type, String message, String stackTrace) {
    public Failure {
        type = type == null ? "" : type;
        message = message == null ? "" : message;
        stackTrace = stackTrace == null ? "" : stackTrace;
    }

    /// "type: message", or the part that is there.
    public String describe() {
        if (type.isEmpty()) return message;
        return message.isEmpty() ? type : type + ": " + message;
    }
}
