package dev.berth.runner.durable;

/// The kinds of history event the Durable Task protocol knows, named as the Durable Functions HTTP API
/// names them in `historyEvents[].EventType`.
public enum HistoryKind {
    EXECUTION_STARTED("ExecutionStarted"), EXECUTION_COMPLETED("ExecutionCompleted"),
    EXECUTION_TERMINATED("ExecutionTerminated"), TASK_SCHEDULED("TaskScheduled"), TASK_COMPLETED("TaskCompleted"),
    TASK_FAILED("TaskFailed"), SUB_ORCHESTRATION_CREATED("SubOrchestrationInstanceCreated"),
    SUB_ORCHESTRATION_COMPLETED("SubOrchestrationInstanceCompleted"),
    SUB_ORCHESTRATION_FAILED("SubOrchestrationInstanceFailed"), TIMER_CREATED("TimerCreated"),
    TIMER_FIRED("TimerFired"), ORCHESTRATOR_STARTED("OrchestratorStarted"),
    ORCHESTRATOR_COMPLETED("OrchestratorCompleted"), EVENT_SENT("EventSent"), EVENT_RAISED("EventRaised"),
    CONTINUE_AS_NEW("ContinueAsNew"), EXECUTION_SUSPENDED("ExecutionSuspended"),
    EXECUTION_RESUMED("ExecutionResumed"), GENERIC("GenericEvent");

    private final String azureName;

    HistoryKind(String azureName) { this.azureName = azureName; }

    public String azureName() { return azureName; }
}
