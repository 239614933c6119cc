package dev.berth.editor.lex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaLexerTest {
    private final Lexer lexer = new JavaLexer();

    @Test
    void tokenize_classDeclaration_marksKeywordsAndPunctuation() {
        assertThat(Tokens.of(lexer, "public final class Foo {}"))
                .containsExactly("KEYWORD public", "KEYWORD final", "KEYWORD class", "PUNCTUATION {", "PUNCTUATION }");
    }

    @Test
    void tokenize_stringWithEscapedQuote_isOneString() {
        assertThat(Tokens.of(lexer, "var s = \"a \\\"quoted\\\" word\";"))
                .containsExactly("KEYWORD var", "STRING \"a \\\"quoted\\\" word\"", "PUNCTUATION ;");
    }

    @Test
    void tokenize_charLiterals_areStrings() {
        assertThat(Tokens.of(lexer, "c = '\\'' + 'x';")).contains("STRING '\\''", "STRING 'x'");
    }

    @Test
    void tokenize_comments_lineAndBlockAndJavadoc() {
        assertThat(Tokens.of(lexer, "int a; // note\n/* block\n still */ /** doc */ int b;"))
                .containsExactly("KEYWORD int", "PUNCTUATION ;", "COMMENT // note", "COMMENT /* block\n still */",
                        "COMMENT /** doc */", "KEYWORD int", "PUNCTUATION ;");
    }

    @Test
    void tokenize_textBlock_spansLinesAndKeepsEscapedTripleQuote() {
        String text = "String q = \"\"\"\n    {\"a\": 1} \\\"\"\"\n    \"\"\";\nint x;";
        assertThat(Tokens.of(lexer, text))
                .containsExactly("STRING \"\"\"\n    {\"a\": 1} \\\"\"\"\n    \"\"\"", "PUNCTUATION ;", "KEYWORD int", "PUNCTUATION ;");
    }

    @Test
    void tokenize_annotationsAndNumbers() {
        assertThat(Tokens.of(lexer, "@Override @java.lang.Deprecated long n = 0x1F + 1_000L + 1.5e-3;"))
                .containsExactly("ANNOTATION @Override", "ANNOTATION @java.lang.Deprecated", "KEYWORD long",
                        "NUMBER 0x1F", "NUMBER 1_000L", "NUMBER 1.5e-3", "PUNCTUATION ;");
    }

    @Test
    void tokenize_literalsAndContextualKeywords() {
        assertThat(Tokens.of(lexer, "sealed interface A permits B {} record R(boolean ok) {} x = null;"))
                .contains("KEYWORD sealed", "KEYWORD interface", "KEYWORD permits", "KEYWORD record", "LITERAL null");
        assertThat(Tokens.of(lexer, "non-sealed class C")).containsExactly("KEYWORD non-sealed", "KEYWORD class");
    }

    @Test
    void tokenize_identifiersThatContainKeywords_areNotKeywords() {
        assertThat(Tokens.of(lexer, "interfaces classy returnValue")).isEmpty();
    }

    @Test
    void tokenize_unterminatedString_stopsAtLineEnd() {
        assertThat(Tokens.of(lexer, "s = \"open\nint x;")).containsExactly("STRING \"open", "KEYWORD int", "PUNCTUATION ;");
    }
}
