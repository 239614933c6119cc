package dev.berth.editor.lex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.editor.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LexerTest {

    @Test
    void forLanguage_plain_highlightsNothing() {
        assertThat(Lexer.forLanguage(Language.PLAIN).tokenize("public class \"x\" # 1")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void tokenize_arbitraryBrokenInput_neverFailsAndStaysInBounds(Language language) {
        Lexer lexer = Lexer.forLanguage(language);
        String[] samples = {"", "\"", "'''", "\\", "/*", "${", "key: |", "- - -", "{[\"a\\", "@", "\r\n\t", "a:\n\t- b: 'x"};
        for (String sample : samples) {
            assertThat(Tokens.of(lexer, sample)).as("%s on %s", language, sample).isNotNull();
        }
    }
}
