package dev.berth.editor.lex;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/// YAML: mapping keys, plain and quoted scalars (numbers and `true`/`null`/`~` told apart), comments,
/// block scalars (`|`, `>`), anchors/aliases, tags, flow collections, `---`/`...` and `%` directives.
/// A highlighter, not a parser: it never fails, and the validator reports real errors. Stateless; any
/// thread.
public final class YamlLexer implements Lexer {
    private static final Set<String> LITERALS = Set.of(
            "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~");
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(\\d[\\d_]*(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final String FLOW = ",[]{}";

    @Override
    public List<Span> tokenize(String text) {
        return new Scan(text).run();
    }

    /// One tokenize call's state; YAML meaning depends on indentation and on what came before.
    private static final class Scan extends LineScan {
        /// Indent of the line that opened a block scalar, or -1 outside one.
        private int blockParentIndent = -1;
        private int flowDepth;
        private int lineIndent;
        /// True where a new node may begin (line start, after `:`, `-`, `?`, `[`, `{`, `,`).
        private boolean nodeStart;

        Scan(String text) { super(text); }

        @Override
        void line() {
            int lineStart = c.pos();
            c.skipWhile(ch -> ch == ' ');
            int indent = c.pos() - lineStart;
            if (blockParentIndent >= 0 && blockScalarLine(indent)) return;
            lineIndent = indent;
            nodeStart = true;
            if (indent == 0 && markerOrDirective()) return;
            tokensToLineEnd(this::token);
        }

        /// Inside a block scalar: a blank or more-indented line is content. Returns false (and leaves
        /// the block) when the line belongs to the structure again.
        private boolean blockScalarLine(int indent) {
            int start = c.pos();
            c.skipSpacesAndTabs();
            if (c.atEnd() || c.peek() == '\n') return true;
            if (indent > blockParentIndent) {
                c.toLineEnd();
                mark(start, TokenType.STRING);
                return true;
            }
            c.moveTo(start);
            blockParentIndent = -1;
            return false;
        }

        /// `%YAML 1.2` consumes the line (returns true); `---`/`...` is marked and the line goes on.
        private boolean markerOrDirective() {
            if (c.peek() == '%') {
                markToLineEnd(TokenType.DIRECTIVE);
                return true;
            }
            if ((c.startsWith("---") || c.startsWith("...")) && blankOrEnd(c.peek(3))) {
                int start = c.pos();
                c.advance(3);
                mark(start, TokenType.PUNCTUATION);
            }
            return false;
        }

        private TokenType token() {
            if (c.skipBlanks()) return null;
            char ch = c.peek();
            if (ch == '#' && (c.pos() == 0 || Character.isWhitespace(c.peek(-1)))) {
                c.toLineEnd();
                return TokenType.COMMENT;
            }
            if (ch == '"' || ch == '\'') return quoted(ch);
            if ((ch == '-' || ch == '?' || ch == ':') && (blankOrEnd(c.peek(1)) || flowIndicatorAfterColon(ch))) {
                c.advance(1);
                nodeStart = true;
                return TokenType.PUNCTUATION;
            }
            if (FLOW.indexOf(ch) >= 0 && (ch != ',' || flowDepth > 0)) return flow(ch);
            if (ch == '&' || ch == '*' || ch == '!') {
                c.skipWhile(x -> !Character.isWhitespace(x) && FLOW.indexOf(x) < 0);
                return ch == '!' ? TokenType.ANNOTATION : TokenType.VARIABLE;
            }
            if ((ch == '|' || ch == '>') && nodeStart) return blockScalarHeader();
            return plain();
        }

        private boolean flowIndicatorAfterColon(char ch) {
            return ch == ':' && flowDepth > 0 && FLOW.indexOf(c.peek(1)) >= 0;
        }

        private TokenType flow(char ch) {
            c.advance(1);
            if (ch == '[' || ch == '{') flowDepth++;
            if (ch == ']' || ch == '}') flowDepth = Math.max(0, flowDepth - 1);
            nodeStart = ch != ']' && ch != '}';
            return TokenType.PUNCTUATION;
        }

        private TokenType quoted(char quote) {
            c.advance(1);
            if (quote == '"') c.skipQuoted('"', true);
            else skipSingleQuoted();
            nodeStart = false;
            return keyFollows() ? TokenType.KEY : TokenType.STRING;
        }

        /// Single-quoted scalars escape a quote by doubling it, not with a backslash.
        private void skipSingleQuoted() {
            while (!c.atEnd()) {
                char ch = c.peek();
                c.advance(1);
                if (ch == '\'') {
                    if (c.peek() != '\'') return;
                    c.advance(1);
                }
            }
        }

        private TokenType blockScalarHeader() {
            c.advance(1);
            c.skipWhile(x -> x == '+' || x == '-' || Character.isDigit(x));
            int after = c.pos();
            c.skipSpacesAndTabs();
            boolean headerEnds = c.atEnd() || c.peek() == '\n' || c.peek() == '#' || c.peek() == '\r';
            c.moveTo(after);
            if (headerEnds) blockParentIndent = lineIndent;
            return TokenType.PUNCTUATION;
        }

        private TokenType plain() {
            int start = c.pos();
            int end = start;
            while (!c.atEnd() && !plainEndsHere(start)) {
                char ch = c.peek();
                c.advance(1);
                if (!Character.isWhitespace(ch)) end = c.pos();
            }
            c.moveTo(end);
            nodeStart = false;
            if (keyFollows()) return TokenType.KEY;
            String value = c.text().substring(start, end);
            if (LITERALS.contains(value)) return TokenType.LITERAL;
            return NUMBER.matcher(value).matches() ? TokenType.NUMBER : TokenType.STRING;
        }

        private boolean plainEndsHere(int start) {
            char ch = c.peek();
            if (ch == '\n') return true;
            if (ch == ':' && (blankOrEnd(c.peek(1)) || flowIndicatorAfterColon(ch))) return true;
            if (ch == '#' && c.pos() > start && Character.isWhitespace(c.peek(-1))) return true;
            return flowDepth > 0 && FLOW.indexOf(ch) >= 0;
        }

        private boolean keyFollows() {
            int i = 0;
            while (c.peek(i) == ' ' || c.peek(i) == '\t') i++;
            if (c.peek(i) != ':') return false;
            char after = c.peek(i + 1);
            return blankOrEnd(after) || (flowDepth > 0 && FLOW.indexOf(after) >= 0);
        }

        private static boolean blankOrEnd(char ch) {
            return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\0';
        }
    }
}
