package dev.berth.editor.check;

import dev.berth.editor.Diagnostic;
import java.util.Comparator;

/// Shared helpers for validators. Stateless.
final class Diagnostics {
    static final Comparator<Diagnostic> IN_TEXT_ORDER =
            Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column);

    private Diagnostics() {}

    /// The parser's wording, first sentence, with an upper-case start: the fallback when no friendlier
    /// message is known.
    static String plain(String message) {
        String text = message == null || message.isBlank() ? "Syntax error" : message.strip();
        int cut = text.indexOf('\n');
        if (cut > 0) text = text.substring(0, cut);
        cut = text.indexOf(" at [Source");
        if (cut > 0) text = text.substring(0, cut);
        if (text.length() > 140) text = text.substring(0, 137) + "…";
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
