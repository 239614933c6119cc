package dev.berth.runner.durable;

import com.google.protobuf.StringValue;
import com.google.protobuf.Timestamp;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailureDetails;

import java.time.Instant;
import java.util.Optional;

/// Small conversions between the protocol's protobuf types and Java's. Stateless.
final class Protos {
    private Protos() {}

    static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    static Instant instant(Timestamp ts) {
        return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
    }

    /// Protobuf wrappers cannot hold null: an absent value stays unset.
    static StringValue text(String value) {
        return StringValue.of(value);
    }

    static String textOrNull(boolean present, StringValue value) {
        return present ? value.getValue() : null;
    }

    static Optional<Failure> failure(boolean present, TaskFailureDetails details) {
        if (!present) return Optional.empty();
        return Optional.of(new Failure(details.getErrorType(), details.getErrorMessage(),
                details.hasStackTrace() ? details.getStackTrace().getValue() : ""));
    }

    static TaskFailureDetails details(String type, String message) {
        return TaskFailureDetails.newBuilder().setErrorType(type).setErrorMessage(message).build();
    }

    /// A history event stamped `at`, with the protocol's "not an action" id.
    static HistoryEvent.Builder event(Instant at) {
        return HistoryEvent.newBuilder().setEventId(-1).setTimestamp(timestamp(at));
    }
}
