package dev.berth.editor.lex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/// One tokenize call of a line-oriented lexer (Dockerfile, YAML), whose lines mean what the lines before
/// them opened; subclasses keep that state in fields. Not thread-safe: one instance per call.
abstract class LineScan {
    final Cursor c;
    final List<Span> spans = new ArrayList<>();

    LineScan(String text) { this.c = new Cursor(text); }

    final List<Span> run() {
        while (!c.atEnd()) {
            line();
            if (c.peek() == '\n') c.advance(1);
        }
        return spans;
    }

    /// Scans one line from its start, leaving the cursor at its `\n` or at the text end.
    abstract void line();

    /// Scans the rest of the line, one `token` at a time; see [Tokenizer#scan].
    final void tokensToLineEnd(Supplier<TokenType> token) {
        Tokenizer.scan(c, spans, cursor -> token.get(), true);
    }

    /// Marks from the cursor to the line end as one `type` span.
    final void markToLineEnd(TokenType type) {
        int start = c.pos();
        c.toLineEnd();
        mark(start, type);
    }

    /// Marks from `start` to the cursor as one `type` span.
    final void mark(int start, TokenType type) {
        spans.add(new Span(start, c.pos(), type));
    }
}
