package dev.berth.editor.lex;

/// JSON: keys (a string followed by `:`), string values, numbers, `true`/`false`/`null`, punctuation.
/// Tolerates broken input (it is highlighted while being typed). Stateless; any thread.
public final class JsonLexer extends ScanningLexer {
    public JsonLexer() { super("{}[]:,"); }

    @Override
    TokenType scan(Cursor c) {
        char ch = c.peek();
        if (ch == '"') {
            c.advance(1);
            c.skipQuoted('"', false);
            return followedByColon(c) ? TokenType.KEY : TokenType.STRING;
        }
        if (ch == '-' || Character.isDigit(ch)) {
            c.advance(1);
            c.skipNumber();
            return TokenType.NUMBER;
        }
        if (Character.isLetter(ch)) {
            int start = c.pos();
            c.skipWhile(Character::isLetterOrDigit);
            String word = c.slice(start);
            return word.equals("true") || word.equals("false") || word.equals("null") ? TokenType.LITERAL : null;
        }
        return punctuationOrPlain(c);
    }

    private static boolean followedByColon(Cursor c) {
        for (int i = 0; ; i++) {
            char ch = c.peek(i);
            if (ch == ':') return true;
            if (!Character.isWhitespace(ch)) return false;
        }
    }
}
