package dev.berth.editor.lex;

/// A highlighted range `[start, end)` of character offsets in the text a lexer was given. Immutable.
public record Span(int start, int end, TokenType type) {
    public Span {
        if (start < 0 || end <= start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        if (type == null) throw new IllegalArgumentException("span type is null");
    }

    public String styleClass() { return type.styleClass(); }
}
