package dev.berth.editor.analysis;

import dev.berth.editor.Diagnostic;

/// A range `[start, end)` of the text to underline for a diagnostic. Immutable.
public record Underline(int start, int end, Diagnostic.Severity severity) {
    public Underline {
        if (start < 0 || end <= start) throw new IllegalArgumentException("bad underline [" + start + ", " + end + ")");
    }

    public String styleClass() {
        return severity == Diagnostic.Severity.ERROR ? "error-underline" : "warning-underline";
    }
}
