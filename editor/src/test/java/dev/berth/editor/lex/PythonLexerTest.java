package dev.berth.editor.lex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonLexerTest {
    private final Lexer lexer = new PythonLexer();

    @Test
    void tokenize_functionDefinition_marksKeywordsAndLiterals() {
        assertThat(Tokens.of(lexer, "def main(x=None):\n    return True"))
                .containsExactly("KEYWORD def", "PUNCTUATION (", "LITERAL None", "PUNCTUATION )", "PUNCTUATION :",
                        "KEYWORD return", "LITERAL True");
    }

    @Test
    void tokenize_tripleQuotedStrings_spanLines() {
        String text = "doc = \"\"\"first\nsecond \"quoted\" \\\"\"\" \"\"\"\nx = '''a\nb'''";
        assertThat(Tokens.of(lexer, text))
                .containsExactly("STRING \"\"\"first\nsecond \"quoted\" \\\"\"\" \"\"\"", "STRING '''a\nb'''");
    }

    @Test
    void tokenize_prefixedStringsAndEscapes() {
        assertThat(Tokens.of(lexer, "a = f\"{x}\" + rb'\\d' + 'it\\'s'"))
                .containsExactly("STRING f\"{x}\"", "STRING rb'\\d'", "STRING 'it\\'s'");
    }

    @Test
    void tokenize_commentsToLineEnd_butNotInsideStrings() {
        assertThat(Tokens.of(lexer, "x = '#not' # real comment\nimport os"))
                .containsExactly("STRING '#not'", "COMMENT # real comment", "KEYWORD import");
    }

    @Test
    void tokenize_decoratorAtLineStart_isAnnotation_matrixMultiplyIsNot() {
        assertThat(Tokens.of(lexer, "  @app.route\ndef f(): return a @ b"))
                .containsExactly("ANNOTATION @app.route", "KEYWORD def", "PUNCTUATION (", "PUNCTUATION )",
                        "PUNCTUATION :", "KEYWORD return");
    }

    @Test
    void tokenize_numbers() {
        assertThat(Tokens.of(lexer, "n = 42 + 3.14 + 1e10 + 0xff")).containsExactly("NUMBER 42", "NUMBER 3.14", "NUMBER 1e10", "NUMBER 0xff");
    }
}
