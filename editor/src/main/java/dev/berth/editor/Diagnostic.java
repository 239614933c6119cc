package dev.berth.editor;

/// A problem at a place in the text, shown as a gutter marker. `line` and `column` are 1-based.
public record Diagnostic(int line, int column, String message) {}
