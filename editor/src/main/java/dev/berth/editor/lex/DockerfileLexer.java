package dev.berth.editor.lex;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/// Dockerfile: instructions (`FROM`, `RUN`, …, also after `ONBUILD`), comments, quoted strings,
/// `$VAR`/`${VAR:-default}` references, `--flags`, `AS` in `FROM`, names in `ARG`/`ENV`/`LABEL`,
/// numbers (`EXPOSE 8080/tcp`), exec-form brackets, and `\` line continuations. Stateless; any thread.
public final class DockerfileLexer implements Lexer {
    private static final Set<String> INSTRUCTIONS = Set.of(
            "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
            "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern PORT_OR_NUMBER = Pattern.compile("\\d+(-\\d+)?(/(tcp|udp))?");

    @Override
    public List<Span> tokenize(String text) {
        return new Scan(text).run();
    }

    /// One tokenize call's state: an instruction's arguments may continue over `\`-ended lines.
    private static final class Scan extends LineScan {
        private String instruction = "";
        private boolean continued;
        private boolean execForm;

        Scan(String text) { super(text); }

        @Override
        void line() {
            c.skipBlanks();
            if (c.atEnd() || c.peek() == '\n') return;
            // Docker drops comment lines even inside a continued instruction, so they do not end it.
            if (c.peek() == '#') {
                markToLineEnd(TokenType.COMMENT);
                return;
            }
            if (!continued) instructionWord();
            tokensToLineEnd(this::argument);
            continued = endsWithBackslash();
        }

        private void instructionWord() {
            execForm = false;
            instruction = word();
            if (!INSTRUCTIONS.contains(instruction)) return;
            if (instruction.equals("ONBUILD")) {
                c.skipSpacesAndTabs();
                instructionWord();
            }
            c.skipSpacesAndTabs();
            execForm = c.peek() == '[';
        }

        /// Reads one word; marks it as a directive when it is an instruction. Returns it upper-cased.
        private String word() {
            int start = c.pos();
            c.skipWhile(ch -> !Character.isWhitespace(ch));
            String word = c.slice(start).toUpperCase(Locale.ROOT);
            if (INSTRUCTIONS.contains(word)) mark(start, TokenType.DIRECTIVE);
            return word;
        }

        private TokenType argument() {
            if (c.skipBlanks()) return null;
            char ch = c.peek();
            if (ch == '"' || ch == '\'') {
                c.advance(1);
                c.skipQuoted(ch, false);
                return TokenType.STRING;
            }
            if (ch == '$') return variable();
            if (ch == '\\' && restOfLineBlank(1)) {
                c.advance(1);
                return TokenType.PUNCTUATION;
            }
            if (execForm && (ch == '[' || ch == ']' || ch == ',')) {
                c.advance(1);
                return TokenType.PUNCTUATION;
            }
            if (ch == '-' && c.peek(1) == '-' && Character.isLetter(c.peek(2))) {
                c.skipWhile(x -> !Character.isWhitespace(x) && x != '=');
                return TokenType.ANNOTATION;
            }
            return bareWord();
        }

        private TokenType variable() {
            c.advance(1);
            if (c.peek() == '{') c.skipPast("}", false);
            else c.skipWhile(x -> Character.isLetterOrDigit(x) || x == '_');
            return TokenType.VARIABLE;
        }

        private TokenType bareWord() {
            int start = c.pos();
            c.skipWhile(x -> !Character.isWhitespace(x) && "=\"'$".indexOf(x) < 0 && !(execForm && (x == ',' || x == ']')));
            String word = c.slice(start);
            if (word.isEmpty()) {
                c.advance(1);
                return null;
            }
            if (instruction.equals("FROM") && word.equalsIgnoreCase("AS")) return TokenType.KEYWORD;
            boolean isValue = start > 0 && c.text().charAt(start - 1) == '=';
            if (!isValue && isName(word) && (instruction.equals("ARG") || c.peek() == '=' && isAssignment())) {
                return TokenType.KEY;
            }
            return PORT_OR_NUMBER.matcher(word).matches() ? TokenType.NUMBER : null;
        }

        private boolean isAssignment() {
            return instruction.equals("ENV") || instruction.equals("LABEL");
        }

        private static boolean isName(String word) {
            return NAME.matcher(word).matches();
        }

        private boolean restOfLineBlank(int from) {
            for (int i = from; ; i++) {
                char ch = c.peek(i);
                if (ch == '\n' || ch == '\0') return true;
                if (!Character.isWhitespace(ch)) return false;
            }
        }

        private boolean endsWithBackslash() {
            int i = c.pos() - 1;
            while (i >= 0 && (c.text().charAt(i) == ' ' || c.text().charAt(i) == '\t' || c.text().charAt(i) == '\r')) i--;
            return i >= 0 && c.text().charAt(i) == '\\';
        }
    }
}
