package dev.berth.editor.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.editor.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlValidatorTest {
    private final Validator validator = new YamlValidator();

    @Test
    void validate_validContainerAppYaml_reportsNothing() {
        String text = """
                properties:
                  configuration:
                    ingress:
                      targetPort: 8080
                  template:
                    containers:
                      - name: app
                        image: "berth/app:1"
                        command: [python3, main.py]
                    scale:
                      minReplicas: 0
                ---
                second: document
                """;
        assertThat(validator.validate(text)).isEmpty();
    }

    @Test
    void validate_emptyText_reportsNothing() {
        assertThat(validator.validate("")).isEmpty();
    }

    @Test
    void validate_tabIndentation_reportsTheTabLine() {
        assertThat(validator.validate("a: 1\nb:\n\tc: 2\n")).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.column()).isEqualTo(1);
            assertThat(d.message()).isEqualTo("Tab used for indentation — YAML indents with spaces only");
        });
    }

    @Test
    void validate_mappingInsidePlainValue_reportsTheColon() {
        assertThat(validator.validate("name: app\nimage: repo: tag\n")).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.column()).isEqualTo(12);
            assertThat(d.message()).startsWith("Unexpected ':'");
        });
    }

    @Test
    void validate_badIndentation_reportsTheMisalignedLine() {
        assertThat(validator.validate("a:\n  b: 1\n c: 2\n")).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.message()).startsWith("Indentation does not match");
        });
    }

    @Test
    void validate_unclosedQuote_pointsAtTheOpeningQuote() {
        assertThat(validator.validate("a: 1\nb: \"open\nc: 2\n")).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.column()).isEqualTo(4);
            assertThat(d.message()).startsWith("Unclosed quoted string");
        });
    }

    @Test
    void validate_unclosedFlowSequence_pointsAtTheBracket() {
        assertThat(validator.validate("a: [1, 2\n")).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.column()).isEqualTo(4);
            assertThat(d.message()).contains("never closed");
        });
    }

    @Test
    void validate_duplicateKey_isAWarning() {
        List<Diagnostic> found = validator.validate("a: 1\nb:\n  a: 2\na: 3\n");
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
        });
    }
}
