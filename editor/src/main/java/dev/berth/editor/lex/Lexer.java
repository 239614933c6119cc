package dev.berth.editor.lex;

import dev.berth.editor.Language;
import java.util.List;

/// Splits a text into highlighted spans. Implementations are pure and stateless, so one instance may
/// be used from any thread (the editor runs them on its background executor).
@FunctionalInterface
public interface Lexer {

    /// Spans in ascending, non-overlapping order; text between spans is unstyled.
    List<Span> tokenize(String text);

    static Lexer forLanguage(Language language) {
        return switch (language) {
            case JAVA -> new JavaLexer();
            case PYTHON -> new PythonLexer();
            case JSON -> new JsonLexer();
            case YAML -> new YamlLexer();
            case DOCKERFILE -> new DockerfileLexer();
            case PLAIN -> text -> List.of();
        };
    }
}
