package dev.berth.app.ui.run;

/// Where a project's run is. FAILED keeps the error message until the next run.
public enum RunState {
    IDLE, STARTING, RUNNING, STOPPING, FAILED;

    /// Whether Run/Debug may start a new session from here.
    public boolean canStart() { return this == IDLE || this == FAILED; }
}
