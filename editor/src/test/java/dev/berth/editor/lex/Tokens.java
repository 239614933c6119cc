package dev.berth.editor.lex;

import java.util.List;

/// Renders spans as "TYPE text" lines so lexer tests read like the highlighted code.
final class Tokens {
    private Tokens() {}

    static List<String> of(Lexer lexer, String text) {
        List<Span> spans = lexer.tokenize(text);
        assertWellFormed(spans, text);
        return spans.stream().map(s -> s.type() + " " + text.substring(s.start(), s.end())).toList();
    }

    private static void assertWellFormed(List<Span> spans, String text) {
        int at = 0;
        for (Span s : spans) {
            if (s.start() < at || s.end() > text.length()) {
                throw new AssertionError("spans overlap or run past the text: " + spans);
            }
            at = s.end();
        }
    }
}
