package dev.berth.runner.durable;

import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;

import java.util.List;
import java.time.Instant;

/// What of a recorded history the Java SDK (1.5.x) may replay. Its executor throws on event kinds it does
/// not handle (EventSent, ExecutionCompleted, GenericEvent, HistoryState, ContinueAsNew), so those stay in
/// Berth's record but are not sent; SendEvent actions are matched against the record instead. Stateless.
final class SdkHistory {
    private SdkHistory() {}

    static List<HistoryEvent> replayable(List<HistoryEvent> events) {
        return events.stream().filter(SdkHistory::replayable).toList();
    }

    static boolean replayable(HistoryEvent event) {
        return switch (event.getEventTypeCase()) {
            case EVENTSENT, EXECUTIONCOMPLETED, GENERICEVENT, HISTORYSTATE, CONTINUEASNEW, EVENTTYPE_NOT_SET -> false;
            default -> true;
        };
    }

    /// The orchestrator's "now" for an episode: at least a millisecond past every timer it delivers. The
    /// Java SDK writes fire times in milliseconds but compares them with its own finer-grained instant, and
    /// at an equal or earlier time it leaves an extra zero-length timer behind.
    static java.time.Instant episodeTime(List<InboxEntry> delivered, Instant now) {
        var time = now;
        for (var entry : delivered) {
            if (!entry.event().hasTimerFired()) continue;
            var due = Protos.instant(entry.event().getTimerFired().getFireAt()).plusMillis(1);
            if (due.isAfter(time)) time = due;
        }
        return time;
    }
}
