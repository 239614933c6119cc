package dev.berth.runner.durable;

import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ParentInstanceInfo;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailureDetails;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/// The working copy of one orchestration instance that is not finished: its history, its inbox of events
/// the orchestrator has not seen yet, and whether a worker holds it. The database holds the durable copy;
/// every change to this one is written there in the same step. Guarded by the engine's lock.
final class Instance {
    final InstanceKey key;
    String executionId;
    String name;
    RuntimeStatus status;
    Instant created;
    Instant updated;
    Instant scheduledStart;
    String input;
    String output;
    String customStatus;
    TaskFailureDetails failure;
    ParentInstanceInfo parent;
    boolean suspended;
    final List<HistoryEvent> history = new ArrayList<>();
    final List<InboxEntry> inbox = new ArrayList<>();
    /// Action ids of SendEvent actions already carried out (the SDK repeats them on every replay).
    final Set<Integer> sentEvents = new HashSet<>();
    /// The worker running an episode of this instance, and the inbox entries it was given.
    Worker lockedBy;
    List<InboxEntry> dispatched = List.of();
    /// The OrchestratorStarted event of the episode in flight (recorded when its result comes back).
    HistoryEvent episodeStart;
    /// When the episode in flight was handed out, and whether a notice already said it is overdue.
    java.time.Instant dispatchedAt;
    boolean overdueReported;

    Instance(InstanceKey key) {
        this.key = key;
    }

    boolean locked() { return lockedBy != null; }

    /// Whether the inbox holds an event the orchestrator may see at `now`. A suspended instance only
    /// wakes for a resume or a terminate (the SDK would buffer anything else anyway).
    boolean hasWorkAt(Instant now) {
        for (var entry : inbox) {
            if (entry.visibleAt().isAfter(now)) continue;
            if (!suspended) return true;
            var kind = entry.event().getEventTypeCase();
            if (kind == HistoryEvent.EventTypeCase.EXECUTIONRESUMED
                    || kind == HistoryEvent.EventTypeCase.EXECUTIONTERMINATED) return true;
        }
        return false;
    }

    /// The earliest time a not-yet-visible inbox event becomes visible.
    Optional<Instant> nextVisibleAfter(Instant now) {
        return inbox.stream().map(InboxEntry::visibleAt).filter(t -> t.isAfter(now)).min(Instant::compareTo);
    }

    InstanceInfo info() {
        return new InstanceInfo(key.hub(), key.id(), executionId, name, status, created, updated,
                Optional.ofNullable(scheduledStart), input, output, customStatus,
                Protos.failure(failure != null, failure),
                parent == null ? Optional.empty() : Optional.of(parent.getOrchestrationInstance().getInstanceId()));
    }
}
