package dev.berth.visualizer.durable;

import java.time.Duration;
import java.time.Instant;

/// One bar of an instance's timeline: an activity call, a timer, a sub-orchestration, a suspension or an
/// execution of the orchestration itself, from `start` to `end`; or a point (an event raised or sent) where
/// `start` equals `end`. `end` is null while it runs: a view draws it to "now". `attempt` counts retries (1
/// for the first call; an activity scheduled again with the same input after it failed is attempt 2 on the
/// same lane), and the executions of a continued-as-new orchestration. `input`, `output` are JSON text and
/// `error` a failure's text, `note` what else a user should know ("continued as new", "not finished: the
/// orchestration completed first"), each null when there is none; `target` is the instance a sub-orchestration or
/// sent event went to, `fireAt` a timer's due time. `firstSequence`/`lastSequence` are the history events
/// that opened and closed it (-1 while open). `id` is the bar's index in [Timeline#bars()]. Immutable; any
/// thread.
public record Bar(int id, Kind kind, String name, int lane, int attempt, Instant start, Instant end, State state,
                  String input, String output, String error, String note, String target, Instant fireAt, int firstSequence,
                  int lastSequence) {
    /// What a bar stands for; the view draws each in its own shape.
    public enum Kind { ORCHESTRATION, ACTIVITY, SUB_ORCHESTRATION, TIMER, EVENT_RAISED, EVENT_SENT, SUSPENSION }

    /// How it ended: CANCELED is a bar that never finished because the orchestration ended first (a
    /// timeout timer whose event came in time, work of a terminated instance) or a terminated execution.
    public enum State { RUNNING, COMPLETED, FAILED, CANCELED }

    /// An event raised or sent: a moment, not a span.
    public boolean point() {
        return kind == Kind.EVENT_RAISED || kind == Kind.EVENT_SENT;
    }

    /// How long it took, or has taken by `now` while it runs.
    public Duration duration(Instant now) {
        return Duration.between(start, end == null ? now : end);
    }
}
