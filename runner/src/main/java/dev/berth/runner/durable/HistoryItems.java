package dev.berth.runner.durable;

import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationStatus;

import java.util.Optional;

import static dev.berth.runner.durable.Protos.failure;
import static dev.berth.runner.durable.Protos.instant;
import static dev.berth.runner.durable.Protos.textOrNull;

/// Turns protocol history events into the runner's [HistoryItem] records. Stateless.
final class HistoryItems {
    private HistoryItems() {}

    static HistoryItem of(int sequence, HistoryEvent e) {
        var item = new Item(sequence, e);
        return switch (e.getEventTypeCase()) {
            case EXECUTIONSTARTED -> {
                var s = e.getExecutionStarted();
                yield item.kind(HistoryKind.EXECUTION_STARTED).name(s.getName())
                        .data(textOrNull(s.hasInput(), s.getInput()))
                        .fireAt(s.hasScheduledStartTimestamp() ? instant(s.getScheduledStartTimestamp()) : null).build();
            }
            case EXECUTIONCOMPLETED -> {
                var c = e.getExecutionCompleted();
                yield item.kind(HistoryKind.EXECUTION_COMPLETED).data(textOrNull(c.hasResult(), c.getResult()))
                        .failure(failure(c.hasFailureDetails(), c.getFailureDetails()))
                        .status(status(c.getOrchestrationStatus())).build();
            }
            case EXECUTIONTERMINATED -> item.kind(HistoryKind.EXECUTION_TERMINATED)
                    .data(textOrNull(e.getExecutionTerminated().hasInput(), e.getExecutionTerminated().getInput())).build();
            case TASKSCHEDULED -> item.kind(HistoryKind.TASK_SCHEDULED).name(e.getTaskScheduled().getName())
                    .data(textOrNull(e.getTaskScheduled().hasInput(), e.getTaskScheduled().getInput())).build();
            case TASKCOMPLETED -> item.kind(HistoryKind.TASK_COMPLETED).task(e.getTaskCompleted().getTaskScheduledId())
                    .data(textOrNull(e.getTaskCompleted().hasResult(), e.getTaskCompleted().getResult())).build();
            case TASKFAILED -> item.kind(HistoryKind.TASK_FAILED).task(e.getTaskFailed().getTaskScheduledId())
                    .failure(failure(e.getTaskFailed().hasFailureDetails(), e.getTaskFailed().getFailureDetails())).build();
            case SUBORCHESTRATIONINSTANCECREATED -> {
                var c = e.getSubOrchestrationInstanceCreated();
                yield item.kind(HistoryKind.SUB_ORCHESTRATION_CREATED).name(c.getName())
                        .data(textOrNull(c.hasInput(), c.getInput())).target(c.getInstanceId()).build();
            }
            case SUBORCHESTRATIONINSTANCECOMPLETED -> {
                var c = e.getSubOrchestrationInstanceCompleted();
                yield item.kind(HistoryKind.SUB_ORCHESTRATION_COMPLETED).task(c.getTaskScheduledId())
                        .data(textOrNull(c.hasResult(), c.getResult())).build();
            }
            case SUBORCHESTRATIONINSTANCEFAILED -> {
                var f = e.getSubOrchestrationInstanceFailed();
                yield item.kind(HistoryKind.SUB_ORCHESTRATION_FAILED).task(f.getTaskScheduledId())
                        .failure(failure(f.hasFailureDetails(), f.getFailureDetails())).build();
            }
            case TIMERCREATED -> item.kind(HistoryKind.TIMER_CREATED).fireAt(instant(e.getTimerCreated().getFireAt())).build();
            case TIMERFIRED -> item.kind(HistoryKind.TIMER_FIRED).task(e.getTimerFired().getTimerId())
                    .fireAt(instant(e.getTimerFired().getFireAt())).build();
            case ORCHESTRATORSTARTED -> item.kind(HistoryKind.ORCHESTRATOR_STARTED).build();
            case ORCHESTRATORCOMPLETED -> item.kind(HistoryKind.ORCHESTRATOR_COMPLETED).build();
            case EVENTSENT -> item.kind(HistoryKind.EVENT_SENT).name(e.getEventSent().getName())
                    .data(textOrNull(e.getEventSent().hasInput(), e.getEventSent().getInput()))
                    .target(e.getEventSent().getInstanceId()).build();
            case EVENTRAISED -> item.kind(HistoryKind.EVENT_RAISED).name(e.getEventRaised().getName())
                    .data(textOrNull(e.getEventRaised().hasInput(), e.getEventRaised().getInput())).build();
            case CONTINUEASNEW -> item.kind(HistoryKind.CONTINUE_AS_NEW)
                    .data(textOrNull(e.getContinueAsNew().hasInput(), e.getContinueAsNew().getInput())).build();
            case EXECUTIONSUSPENDED -> item.kind(HistoryKind.EXECUTION_SUSPENDED)
                    .data(textOrNull(e.getExecutionSuspended().hasInput(), e.getExecutionSuspended().getInput())).build();
            case EXECUTIONRESUMED -> item.kind(HistoryKind.EXECUTION_RESUMED)
                    .data(textOrNull(e.getExecutionResumed().hasInput(), e.getExecutionResumed().getInput())).build();
            case GENERICEVENT -> item.kind(HistoryKind.GENERIC).data(e.getGenericEvent().getData()).build();
            case HISTORYSTATE, EVENTTYPE_NOT_SET -> item.kind(HistoryKind.GENERIC).build();
        };
    }

    static RuntimeStatus status(OrchestrationStatus status) {
        return switch (status) {
            case ORCHESTRATION_STATUS_RUNNING -> RuntimeStatus.RUNNING;
            case ORCHESTRATION_STATUS_COMPLETED -> RuntimeStatus.COMPLETED;
            case ORCHESTRATION_STATUS_CONTINUED_AS_NEW -> RuntimeStatus.CONTINUED_AS_NEW;
            case ORCHESTRATION_STATUS_FAILED -> RuntimeStatus.FAILED;
            case ORCHESTRATION_STATUS_CANCELED -> RuntimeStatus.CANCELED;
            case ORCHESTRATION_STATUS_TERMINATED -> RuntimeStatus.TERMINATED;
            case ORCHESTRATION_STATUS_PENDING -> RuntimeStatus.PENDING;
            case ORCHESTRATION_STATUS_SUSPENDED -> RuntimeStatus.SUSPENDED;
            case UNRECOGNIZED -> RuntimeStatus.FAILED;
        };
    }

    static OrchestrationStatus proto(RuntimeStatus status) {
        return switch (status) {
            case PENDING -> OrchestrationStatus.ORCHESTRATION_STATUS_PENDING;
            case RUNNING -> OrchestrationStatus.ORCHESTRATION_STATUS_RUNNING;
            case SUSPENDED -> OrchestrationStatus.ORCHESTRATION_STATUS_SUSPENDED;
            case COMPLETED -> OrchestrationStatus.ORCHESTRATION_STATUS_COMPLETED;
            case FAILED -> OrchestrationStatus.ORCHESTRATION_STATUS_FAILED;
            case TERMINATED -> OrchestrationStatus.ORCHESTRATION_STATUS_TERMINATED;
            case CONTINUED_AS_NEW -> OrchestrationStatus.ORCHESTRATION_STATUS_CONTINUED_AS_NEW;
            case CANCELED -> OrchestrationStatus.ORCHESTRATION_STATUS_CANCELED;
        };
    }

    /// Collects the fields of one item; what is not set keeps the "none" value.
    private static final class Item {
        private final int sequence;
        private final HistoryEvent event;
        private HistoryKind kind = HistoryKind.GENERIC;
        private String name = "";
        private int task = -1;
        private String data;
        private Optional<Failure> failure = Optional.empty();
        private java.time.Instant fireAt;
        private String target;
        private RuntimeStatus status;

        Item(int sequence, HistoryEvent event) {
            this.sequence = sequence;
            this.event = event;
        }

        Item kind(HistoryKind value) { kind = value; return this; }
        Item name(String value) { name = value; return this; }
        Item task(int value) { task = value; return this; }
        Item data(String value) { data = value; return this; }
        Item failure(Optional<Failure> value) { failure = value; return this; }
        Item fireAt(java.time.Instant value) { fireAt = value; return this; }
        Item target(String value) { target = value; return this; }
        Item status(RuntimeStatus value) { status = value; return this; }

        HistoryItem build() {
            return new HistoryItem(sequence, event.getEventId(), kind, instant(event.getTimestamp()), name, task, data,
                    failure, Optional.ofNullable(fireAt), target, Optional.ofNullable(status));
        }
    }
}
