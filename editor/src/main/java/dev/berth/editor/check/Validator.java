package dev.berth.editor.check;

import dev.berth.editor.Diagnostic;
import dev.berth.editor.Language;
import java.util.List;

/// Checks a document for syntax problems. Implementations are pure and thread-safe: the editor calls
/// them on its background executor with a snapshot of the text.
@FunctionalInterface
public interface Validator {

    /// Problems in document order; empty when the text parses (an empty text parses).
    List<Diagnostic> validate(String text);

    static Validator forLanguage(Language language) {
        return switch (language) {
            case JSON -> new JsonValidator();
            case YAML -> new YamlValidator();
            case JAVA, PYTHON, DOCKERFILE, PLAIN -> text -> List.of();
        };
    }
}
