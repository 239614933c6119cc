package dev.berth.editor.lex;

import java.util.Locale;
import java.util.Set;

/// Python: keywords, strings with prefixes (`r`, `b`, `f`, …), triple-quoted strings, comments,
/// numbers, decorators, punctuation. Stateless; any thread.
public final class PythonLexer extends ScanningLexer {
    private static final Set<String> KEYWORDS = Set.of(
            "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
            "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
            "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");
    private static final Set<String> LITERALS = Set.of("True", "False", "None");
    private static final Set<String> STRING_PREFIXES = Set.of("r", "u", "b", "f", "br", "rb", "fr", "rf");
    public PythonLexer() { super("()[]{}:,.;"); }

    @Override
    TokenType scan(Cursor c) {
        char ch = c.peek();
        if (ch == '#') {
            c.toLineEnd();
            return TokenType.COMMENT;
        }
        if (ch == '"' || ch == '\'') return string(c);
        if (ch == '@' && c.firstOnLine() && Character.isJavaIdentifierStart(c.peek(1))) {
            c.advance(1);
            c.skipWhile(x -> Character.isLetterOrDigit(x) || x == '_' || x == '.');
            return TokenType.ANNOTATION;
        }
        if (Character.isDigit(ch) || (ch == '.' && Character.isDigit(c.peek(1)))) {
            c.skipNumber();
            return TokenType.NUMBER;
        }
        if (Character.isLetter(ch) || ch == '_') return word(c);
        return punctuationOrPlain(c);
    }

    /// With the cursor on the opening quote (any prefix already consumed).
    private static TokenType string(Cursor c) {
        char quote = c.peek();
        String triple = String.valueOf(quote).repeat(3);
        if (c.startsWith(triple)) {
            c.advance(3);
            c.skipPast(triple, true);
        } else {
            c.advance(1);
            c.skipQuoted(quote, false);
        }
        return TokenType.STRING;
    }

    private static TokenType word(Cursor c) {
        int start = c.pos();
        c.skipWhile(x -> Character.isLetterOrDigit(x) || x == '_');
        String word = c.slice(start);
        char next = c.peek();
        if ((next == '"' || next == '\'') && STRING_PREFIXES.contains(word.toLowerCase(Locale.ROOT))) {
            return string(c);
        }
        if (LITERALS.contains(word)) return TokenType.LITERAL;
        return KEYWORDS.contains(word) ? TokenType.KEYWORD : null;
    }
}
