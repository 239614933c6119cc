package dev.berth.visualizer.jobs;

import java.util.Locale;

/// How one replica's attempt went; the style class colours its bar (jobs.css).
public enum AttemptStatus {
    RUNNING("Running"), SUCCEEDED("Succeeded"), FAILED("Failed"), TIMED_OUT("Timed out"), STOPPED("Stopped");

    private final String label;

    AttemptStatus(String label) { this.label = label; }

    public String label() { return label; }

    /// "attempt-running", "attempt-timed-out" …
    public String styleClass() { return "attempt-" + name().toLowerCase(Locale.ROOT).replace('_', '-'); }
}
