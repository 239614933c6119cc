package dev.berth.runner.timer;

import java.time.Instant;
import java.util.Optional;

/// What the schedule monitor remembers of a timer, as Azure's ScheduleStatus: the last run (empty before the
/// first), the next expected occurrence, and the time `next` was computed from. Immutable.
public record ScheduleStatus(Optional<Instant> last, Instant next, Optional<Instant> lastUpdated) {
    /// A timer that has not run yet and expects its first occurrence at `next`.
    public static ScheduleStatus initial(Instant next, Instant computedAt) {
        return new ScheduleStatus(Optional.empty(), next, Optional.of(computedAt));
    }
}
