package dev.berth.editor.lex;

import java.util.function.IntPredicate;

/// A read position in a text plus the scanning moves the lexers share. Not thread-safe: one per
/// tokenize call.
final class Cursor {
    private final String text;
    private int pos;

    Cursor(String text) { this.text = text; }

    String text() { return text; }
    int pos() { return pos; }
    void moveTo(int newPos) { pos = Math.min(newPos, text.length()); }
    void advance(int n) { moveTo(pos + n); }
    boolean atEnd() { return pos >= text.length(); }

    /// The character `ahead` places after the cursor, or `'\0'` past the end.
    char peek(int ahead) {
        int i = pos + ahead;
        return i < text.length() && i >= 0 ? text.charAt(i) : '\0';
    }

    char peek() { return peek(0); }

    boolean startsWith(String s) { return text.startsWith(s, pos); }

    void skipWhile(IntPredicate p) {
        while (pos < text.length() && p.test(text.charAt(pos))) pos++;
    }

    void skipSpacesAndTabs() { skipWhile(ch -> ch == ' ' || ch == '\t'); }

    /// Skips spaces, tabs and `\r`; true when there were any.
    boolean skipBlanks() {
        int start = pos;
        skipWhile(ch -> ch == ' ' || ch == '\t' || ch == '\r');
        return pos > start;
    }

    /// Moves to the next `\n` (not past it), or to the end.
    void toLineEnd() {
        int nl = text.indexOf('\n', pos);
        pos = nl < 0 ? text.length() : nl;
    }

    /// With the cursor just after an opening quote: moves past the closing `quote`, honouring
    /// backslash escapes. A string left open ends at the line end (or the text end when `multiline`),
    /// so one missing quote does not paint the rest of the file.
    void skipQuoted(char quote, boolean multiline) {
        while (pos < text.length()) {
            char ch = text.charAt(pos);
            if (ch == '\\') pos += 2;
            else if (ch == quote) { pos++; return; }
            else if (ch == '\n' && !multiline) return;
            else pos++;
        }
        pos = Math.min(pos, text.length());
    }

    /// Moves past the next `closer` (escapes honoured when `escapes`), or to the end if there is none.
    void skipPast(String closer, boolean escapes) {
        while (pos < text.length()) {
            if (escapes && text.charAt(pos) == '\\') pos += 2;
            else if (text.startsWith(closer, pos)) { pos += closer.length(); return; }
            else pos++;
        }
        pos = Math.min(pos, text.length());
    }

    /// A number literal in the C family: digits, letters (hex digits, suffixes, radix marks), `_`, `.`,
    /// and a sign right after an exponent mark.
    void skipNumber() {
        while (pos < text.length()) {
            char ch = text.charAt(pos);
            boolean exponentSign = (ch == '+' || ch == '-') && pos > 0 && "eEpP".indexOf(text.charAt(pos - 1)) >= 0
                    && !isHex(text, pos);
            if (!(Character.isLetterOrDigit(ch) || ch == '_' || ch == '.' || exponentSign)) return;
            pos++;
        }
    }

    private static boolean isHex(String text, int signPos) {
        int i = signPos - 1;
        while (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) i--;
        return text.startsWith("0x", i) || text.startsWith("0X", i);
    }

    /// True when only spaces or tabs stand between the line start and the cursor.
    boolean firstOnLine() {
        for (int i = pos - 1; i >= 0; i--) {
            char ch = text.charAt(i);
            if (ch == '\n') return true;
            if (ch != ' ' && ch != '\t') return false;
        }
        return true;
    }

    String slice(int from) { return text.substring(from, pos); }
}
