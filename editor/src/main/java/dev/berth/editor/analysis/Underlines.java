package dev.berth.editor.analysis;

import dev.berth.editor.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/// Decides what to underline for each diagnostic: the word or the single character the parser stopped
/// at, or the line's text when it stopped at the line end (a missing comma shows up there). Pure.
public final class Underlines {
    private Underlines() {}

    public static List<Underline> of(String text, LineIndex lines, List<Diagnostic> diagnostics) {
        var result = new ArrayList<Underline>();
        for (Diagnostic d : diagnostics) {
            Underline u = of(text, lines, d);
            if (u != null) result.add(u);
        }
        return result;
    }

    /// `null` when the line is empty: there is nothing to underline, the gutter marker still shows.
    static Underline of(String text, LineIndex lines, Diagnostic d) {
        int lineStart = lines.lineStart(d.line());
        int lineEnd = lines.lineEnd(d.line());
        int at = lines.offset(d.line(), d.column());
        if (at >= lineEnd || Character.isWhitespace(text.charAt(at))) return wholeLine(text, lineStart, lineEnd, d);
        int end = at + 1;
        if (isWordChar(text.charAt(at))) {
            while (end < lineEnd && isWordChar(text.charAt(end))) end++;
        }
        return new Underline(at, end, d.severity());
    }

    private static Underline wholeLine(String text, int lineStart, int lineEnd, Diagnostic d) {
        int start = lineStart;
        int end = lineEnd;
        while (start < end && Character.isWhitespace(text.charAt(start))) start++;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        return end > start ? new Underline(start, end, d.severity()) : null;
    }

    private static boolean isWordChar(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == '.';
    }
}
