package dev.berth.visualizer.durable;

/// The kinds of orchestration history event, named as the Durable Functions HTTP API names them in
/// `historyEvents[].EventType` (the names the history JSON uses). Immutable; any thread.
public enum EventKind {
    EXECUTION_STARTED("ExecutionStarted"), EXECUTION_COMPLETED("ExecutionCompleted"),
    EXECUTION_TERMINATED("ExecutionTerminated"), TASK_SCHEDULED("TaskScheduled"), TASK_COMPLETED("TaskCompleted"),
    TASK_FAILED("TaskFailed"), SUB_ORCHESTRATION_CREATED("SubOrchestrationInstanceCreated"),
    SUB_ORCHESTRATION_COMPLETED("SubOrchestrationInstanceCompleted"),
    SUB_ORCHESTRATION_FAILED("SubOrchestrationInstanceFailed"), TIMER_CREATED("TimerCreated"),
    TIMER_FIRED("TimerFired"), ORCHESTRATOR_STARTED("OrchestratorStarted"),
    ORCHESTRATOR_COMPLETED("OrchestratorCompleted"), EVENT_SENT("EventSent"), EVENT_RAISED("EventRaised"),
    CONTINUE_AS_NEW("ContinueAsNew"), EXECUTION_SUSPENDED("ExecutionSuspended"),
    EXECUTION_RESUMED("ExecutionResumed"), GENERIC("GenericEvent");

    private final String eventType;

    EventKind(String eventType) {
        this.eventType = eventType;
    }

    /// "TaskScheduled", "TimerFired", … as in the HTTP API and the history JSON.
    public String eventType() {
        return eventType;
    }

    /// Parses "TaskScheduled" (or the constant's name, "TASK_SCHEDULED").
    public static EventKind parse(String text) {
        for (EventKind kind : values()) {
            if (kind.eventType.equalsIgnoreCase(text) || kind.name().equalsIgnoreCase(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown history event kind '" + text
                + "'; use an EventType of the Durable Functions HTTP API such as TaskScheduled or TimerFired");
    }
}
