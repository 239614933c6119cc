package dev.berth.editor.lex;

/// What a highlighted piece of text is. Each kind maps to one CSS style class in `code-editor.css`,
/// so a theme colours kinds, not languages. Immutable; any thread.
public enum TokenType {
    KEYWORD("keyword"),
    STRING("string"),
    COMMENT("comment"),
    NUMBER("number"),
    /// `true`, `false`, `null`, `None`, `~`: values that read like words but are constants.
    LITERAL("literal"),
    /// Java annotations, Python decorators, YAML tags, Dockerfile `--flags`.
    ANNOTATION("annotation"),
    /// JSON object keys and YAML mapping keys, `NAME` in Dockerfile `ARG NAME=…`.
    KEY("key"),
    /// Dockerfile instructions (`FROM`, `RUN`, …) and YAML `%` directives.
    DIRECTIVE("directive"),
    /// Dockerfile `$VAR`/`${VAR}`, YAML anchors and aliases.
    VARIABLE("variable"),
    PUNCTUATION("punctuation");

    private final String styleClass;

    TokenType(String styleClass) { this.styleClass = styleClass; }

    /// The CSS style class RichTextFX puts on text of this kind.
    public String styleClass() { return styleClass; }
}
