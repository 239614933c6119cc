package dev.berth.editor.lex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlLexerTest {
    private final Lexer lexer = new YamlLexer();

    @Test
    void tokenize_nestedMapping_marksKeysAndTypedScalars() {
        String text = "properties:\n  ingress:\n    targetPort: 8080\n    external: true\n    transport: auto\n";
        assertThat(Tokens.of(lexer, text)).containsExactly(
                "KEY properties", "PUNCTUATION :", "KEY ingress", "PUNCTUATION :",
                "KEY targetPort", "PUNCTUATION :", "NUMBER 8080",
                "KEY external", "PUNCTUATION :", "LITERAL true",
                "KEY transport", "PUNCTUATION :", "STRING auto");
    }

    @Test
    void tokenize_comments_wholeLineAndTrailing_butNotHashInsideValue() {
        assertThat(Tokens.of(lexer, "# header\nimage: repo/app:v1#x # the image\n"))
                .containsExactly("COMMENT # header", "KEY image", "PUNCTUATION :", "STRING repo/app:v1#x", "COMMENT # the image");
    }

    @Test
    void tokenize_quotedScalars_withEscapes_andQuotedKeys() {
        assertThat(Tokens.of(lexer, "\"quoted key\": 'it''s'\nb: \"say \\\"hi\\\"\"\n"))
                .containsExactly("KEY \"quoted key\"", "PUNCTUATION :", "STRING 'it''s'",
                        "KEY b", "PUNCTUATION :", "STRING \"say \\\"hi\\\"\"");
    }

    @Test
    void tokenize_sequences_ofScalarsAndMappings() {
        assertThat(Tokens.of(lexer, "containers:\n  - name: app\n    cpu: 0.5\n  - 42\n"))
                .containsExactly("KEY containers", "PUNCTUATION :", "PUNCTUATION -", "KEY name", "PUNCTUATION :",
                        "STRING app", "KEY cpu", "PUNCTUATION :", "NUMBER 0.5", "PUNCTUATION -", "NUMBER 42");
    }

    @Test
    void tokenize_blockScalar_moreIndentedLinesAreString() {
        String text = "script: |\n  echo a: b\n  # not a comment\n\nnext: 1\n";
        assertThat(Tokens.of(lexer, text)).containsExactly(
                "KEY script", "PUNCTUATION :", "PUNCTUATION |", "STRING echo a: b", "STRING # not a comment",
                "KEY next", "PUNCTUATION :", "NUMBER 1");
    }

    @Test
    void tokenize_flowCollections_anchorsTagsAndDocumentMarkers() {
        String text = "%YAML 1.2\n---\nbase: &b {x: 1, y: [a, \"b\"]}\ncopy: *b\ntag: !!str 3\n...\n";
        assertThat(Tokens.of(lexer, text)).containsExactly(
                "DIRECTIVE %YAML 1.2", "PUNCTUATION ---",
                "KEY base", "PUNCTUATION :", "VARIABLE &b", "PUNCTUATION {", "KEY x", "PUNCTUATION :", "NUMBER 1",
                "PUNCTUATION ,", "KEY y", "PUNCTUATION :", "PUNCTUATION [", "STRING a", "PUNCTUATION ,", "STRING \"b\"",
                "PUNCTUATION ]", "PUNCTUATION }",
                "KEY copy", "PUNCTUATION :", "VARIABLE *b",
                "KEY tag", "PUNCTUATION :", "ANNOTATION !!str", "NUMBER 3",
                "PUNCTUATION ...");
    }

    @Test
    void tokenize_urlValue_colonWithoutSpaceIsPartOfScalar() {
        assertThat(Tokens.of(lexer, "url: http://localhost:7071/api\n"))
                .containsExactly("KEY url", "PUNCTUATION :", "STRING http://localhost:7071/api");
    }
}
