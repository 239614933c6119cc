package dev.berth.runner.timer;

import java.util.Objects;

/// A function with a `timerTrigger` binding: its name, its parsed schedule, `runOnStartup` (default false) and
/// `useMonitor` (default true), as in function.json. Immutable.
public record TimerFunction(String name, TimerSchedule schedule, boolean runOnStartup, boolean useMonitor) {
    public TimerFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schedule, "schedule");
    }

    /// A timer with Azure's defaults: no run on startup, monitored.
    public static TimerFunction of(String name, TimerSchedule schedule) {
        return new TimerFunction(name, schedule, false, true);
    }
}
