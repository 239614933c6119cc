package dev.berth.editor.lex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerfileLexerTest {
    private final Lexer lexer = new DockerfileLexer();

    @Test
    void tokenize_argAndFromWithVariable() {
        String text = "ARG BASE_IMAGE=python:3.12-slim\nFROM ${BASE_IMAGE} AS build\n";
        assertThat(Tokens.of(lexer, text)).containsExactly(
                "DIRECTIVE ARG", "KEY BASE_IMAGE", "DIRECTIVE FROM", "VARIABLE ${BASE_IMAGE}", "KEYWORD AS");
    }

    @Test
    void tokenize_commentsAndLowerCaseInstructions() {
        assertThat(Tokens.of(lexer, "# syntax note\nworkdir /app\n  # indented comment\n"))
                .containsExactly("COMMENT # syntax note", "DIRECTIVE workdir", "COMMENT # indented comment");
    }

    @Test
    void tokenize_continuationLines_argumentsAreNotInstructions() {
        String text = "RUN apt-get update \\\n    && echo \"done $HOME\" \\\n    # dropped comment\n    && true\nUSER 10001\n";
        assertThat(Tokens.of(lexer, text)).containsExactly(
                "DIRECTIVE RUN", "PUNCTUATION \\", "STRING \"done $HOME\"", "PUNCTUATION \\", "COMMENT # dropped comment",
                "DIRECTIVE USER", "NUMBER 10001");
    }

    @Test
    void tokenize_execFormAndFlags() {
        String text = "COPY --chown=10001 --from=build /src /app\nCMD [\"python3\", \"-u\", \"main.py\"]\nEXPOSE 8080/tcp\n";
        assertThat(Tokens.of(lexer, text)).containsExactly(
                "DIRECTIVE COPY", "ANNOTATION --chown", "NUMBER 10001", "ANNOTATION --from",
                "DIRECTIVE CMD", "PUNCTUATION [", "STRING \"python3\"", "PUNCTUATION ,", "STRING \"-u\"", "PUNCTUATION ,",
                "STRING \"main.py\"", "PUNCTUATION ]",
                "DIRECTIVE EXPOSE", "NUMBER 8080/tcp");
    }

    @Test
    void tokenize_envPairs_marksNamesNotValues() {
        assertThat(Tokens.of(lexer, "ENV PATH=/opt/java/bin:$PATH MODE=prod\nONBUILD RUN make\n")).containsExactly(
                "DIRECTIVE ENV", "KEY PATH", "VARIABLE $PATH", "KEY MODE", "DIRECTIVE ONBUILD", "DIRECTIVE RUN");
    }
}
