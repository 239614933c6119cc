package dev.berth.editor.analysis;

import dev.berth.editor.Diagnostic;
import dev.berth.editor.Language;
import dev.berth.editor.check.Validator;
import dev.berth.editor.lex.Lexer;
import java.util.List;

/// Highlights and validates one text snapshot. Pure and thread-safe (lexers and validators are).
public final class Analyzer {
    private final Lexer lexer;
    private final Validator validator;

    public Analyzer(Lexer lexer, Validator validator) {
        this.lexer = lexer;
        this.validator = validator;
    }

    public static Analyzer forLanguage(Language language) {
        return new Analyzer(Lexer.forLanguage(language), Validator.forLanguage(language));
    }

    public Analysis analyze(String text) {
        LineIndex lines = LineIndex.of(text);
        // Parsers report end-of-input errors one line past a trailing newline; keep markers on a real line.
        List<Diagnostic> diagnostics = validator.validate(text).stream()
                .map(d -> d.line() <= lines.lineCount() ? d
                        : new Diagnostic(lines.lineCount(), d.column(), d.message(), d.severity()))
                .toList();
        return new Analysis(text, lexer.tokenize(text), diagnostics, Underlines.of(text, lines, diagnostics));
    }
}
