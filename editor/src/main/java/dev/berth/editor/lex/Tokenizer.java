package dev.berth.editor.lex;

import java.util.ArrayList;
import java.util.List;

/// The loop every lexer shares: ask a scanner for one token at a time and collect the styled ones.
/// Guarantees progress, so a scanner bug cannot hang the background thread.
final class Tokenizer {
    /// Moves the cursor past one token and says what it was, or `null` for unstyled text.
    @FunctionalInterface
    interface Scanner {
        TokenType scan(Cursor cursor);
    }

    private Tokenizer() {}

    static List<Span> run(String text, Scanner scanner) {
        var spans = new ArrayList<Span>();
        scan(new Cursor(text), spans, scanner, false);
        return spans;
    }

    /// Scans to the text end, or only up to (not past) the next `\n` when `lineOnly`, adding the styled
    /// tokens to `spans`.
    static void scan(Cursor cursor, List<Span> spans, Scanner scanner, boolean lineOnly) {
        while (!cursor.atEnd() && !(lineOnly && cursor.peek() == '\n')) {
            int start = cursor.pos();
            TokenType type = scanner.scan(cursor);
            if (cursor.pos() == start) cursor.advance(1);
            if (type != null) spans.add(new Span(start, cursor.pos(), type));
        }
    }
}
