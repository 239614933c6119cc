package dev.berth.editor.analysis;

import java.util.Arrays;

/// Converts between 1-based line/column positions and character offsets of one text. Immutable;
/// any thread.
public final class LineIndex {
    private final String text;
    private final int[] starts;

    private LineIndex(String text, int[] starts) {
        this.text = text;
        this.starts = starts;
    }

    public static LineIndex of(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '\n') continue;
            if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
            starts[count++] = i + 1;
        }
        return new LineIndex(text, Arrays.copyOf(starts, count));
    }

    /// Lines in the text; a text ending with `\n` has an empty last line, as in the editor.
    public int lineCount() { return starts.length; }

    /// Offset of the first character of `line` (1-based, clamped to the text's lines).
    public int lineStart(int line) { return starts[clampLine(line) - 1]; }

    /// Offset just past the last character of `line`, before its `\n`.
    public int lineEnd(int line) {
        int l = clampLine(line);
        return l < starts.length ? starts[l] - 1 : text.length();
    }

    /// Offset of a 1-based line and column; a column past the line end gives the line end.
    public int offset(int line, int column) {
        return Math.min(lineStart(line) + Math.max(0, column - 1), lineEnd(line));
    }

    public int clampLine(int line) { return Math.clamp(line, 1, starts.length); }
}
