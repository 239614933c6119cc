package dev.berth.runner.timer;

/// Runs a timer function once. The scheduler calls it on the timer's own virtual thread and waits for it to
/// return before it schedules the next run, so one timer never runs twice at once. An exception is logged
/// and the schedule goes on, as in Azure.
@FunctionalInterface
public interface TimerFiring {
    void fire(TimerInvocation invocation) throws Exception;
}
