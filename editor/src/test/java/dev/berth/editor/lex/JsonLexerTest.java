package dev.berth.editor.lex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonLexerTest {
    private final Lexer lexer = new JsonLexer();

    @Test
    void tokenize_object_tellsKeysFromStringValues() {
        assertThat(Tokens.of(lexer, "{\"name\" : \"v\\\"1\", \"n\": -1.5e3, \"ok\": [true, null]}"))
                .containsExactly("PUNCTUATION {", "KEY \"name\"", "PUNCTUATION :", "STRING \"v\\\"1\"", "PUNCTUATION ,",
                        "KEY \"n\"", "PUNCTUATION :", "NUMBER -1.5e3", "PUNCTUATION ,", "KEY \"ok\"", "PUNCTUATION :",
                        "PUNCTUATION [", "LITERAL true", "PUNCTUATION ,", "LITERAL null", "PUNCTUATION ]", "PUNCTUATION }");
    }

    @Test
    void tokenize_keyWithColonOnNextLine_isStillAKey() {
        assertThat(Tokens.of(lexer, "{\"a\"\n  : 1}")).contains("KEY \"a\"");
    }

    @Test
    void tokenize_brokenInput_doesNotFail() {
        assertThat(Tokens.of(lexer, "{\"a\": tru, \"b")).containsExactly(
                "PUNCTUATION {", "KEY \"a\"", "PUNCTUATION :", "PUNCTUATION ,", "STRING \"b");
    }
}
