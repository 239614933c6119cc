package dev.berth.editor;

import java.util.Objects;

/// A problem at a place in the text, shown as a gutter marker and an underline. `line` and `column`
/// are 1-based. Immutable; any thread.
public record Diagnostic(int line, int column, String message, Severity severity) {

    /// Errors stop the file from loading (red); warnings are legal but probably wrong (amber).
    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        if (line < 1 || column < 1) throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    /// An error.
    public Diagnostic(int line, int column, String message) {
        this(line, column, message, Severity.ERROR);
    }
}
