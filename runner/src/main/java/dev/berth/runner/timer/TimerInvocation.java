package dev.berth.runner.timer;

import java.time.Instant;

/// One firing of a timer: the function, why it runs, when it was due, and the `TimerInfo` payload the function
/// receives as its trigger binding. Immutable.
public record TimerInvocation(String function, Reason reason, Instant scheduledFor, Instant firedAt, TimerInfo info) {
    /// Why a run happens; Azure logs the same distinction as UnscheduledInvocationReason.
    public enum Reason { SCHEDULED, PAST_DUE, RUN_ON_STARTUP }
}
