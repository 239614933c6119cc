package dev.berth.runner.durable;

import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;

import java.util.List;

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
}
