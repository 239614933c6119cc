package dev.berth.editor.lex;

import java.util.List;

/// A lexer whose tokens do not depend on the lines before them (Java, JSON, Python): the [Tokenizer]
/// asks [#scan] for one token at a time. Subclasses keep no state, so one instance may be used from any
/// thread.
abstract class ScanningLexer implements Lexer {
    private final String punctuation;

    /// `punctuation`: the characters this language styles as punctuation.
    ScanningLexer(String punctuation) { this.punctuation = punctuation; }

    @Override
    public final List<Span> tokenize(String text) {
        return Tokenizer.run(text, this::scan);
    }

    /// Moves the cursor past one token and says what it was, or `null` for unstyled text.
    abstract TokenType scan(Cursor c);

    /// For a character no rule of the language took: moves past it; punctuation when the language
    /// lists it, unstyled otherwise.
    final TokenType punctuationOrPlain(Cursor c) {
        char ch = c.peek();
        c.advance(1);
        return punctuation.indexOf(ch) >= 0 ? TokenType.PUNCTUATION : null;
    }
}
