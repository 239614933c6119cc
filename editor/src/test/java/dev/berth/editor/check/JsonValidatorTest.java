package dev.berth.editor.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.editor.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonValidatorTest {
    private final Validator validator = new JsonValidator();

    @Test
    void validate_validDocument_reportsNothing() {
        assertThat(validator.validate("{\n  \"version\": \"2.0\",\n  \"list\": [1, 2.5, true, null]\n}\n")).isEmpty();
    }

    @Test
    void validate_emptyOrBlankText_reportsNothing() {
        assertThat(validator.validate("")).isEmpty();
        assertThat(validator.validate("  \n")).isEmpty();
    }

    @Test
    void validate_trailingCommaBeforeBraceOnLine3_reportsLine3WithHint() {
        List<Diagnostic> found = validator.validate("{\n  \"a\": 1,\n}\n");
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.column()).isEqualTo(1);
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR);
            assertThat(d.message()).isEqualTo("Unexpected character '}' — remove the trailing comma?");
        });
    }

    @Test
    void validate_missingCommaBetweenEntries_pointsAtTheNextKey() {
        assertThat(validator.validate("{\n  \"a\": 1\n  \"b\": 2\n}"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.line()).isEqualTo(3);
                    assertThat(d.column()).isEqualTo(3);
                    assertThat(d.message()).startsWith("Missing ','");
                });
    }

    @Test
    void validate_commonMistakes_haveFriendlyMessages() {
        assertThat(message("{'a': 1}")).contains("double quotes");
        assertThat(message("{\"a\": tru}")).startsWith("Unknown word 'tru'");
        assertThat(message("{\"a\" 1}")).isEqualTo("Missing ':' between the key and its value");
        assertThat(message("{\"a\": [1,\n 2")).isEqualTo("The '[' opened on line 1 is never closed — add ']'");
        assertThat(message("{\"a\": \"x\ny\"}")).startsWith("Line break inside a string");
        assertThat(message("// comment\n{}")).startsWith("JSON does not allow comments");
        assertThat(message("{\"a\": \"\\q\"}")).startsWith("Unknown escape '\\q'");
        assertThat(message("[1,]")).isEqualTo("Unexpected character ']' — remove the trailing comma?");
    }

    @Test
    void validate_twoTopLevelValues_reportsTheSecond() {
        assertThat(validator.validate("{}\n{}")).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.message()).startsWith("Unexpected content after the end of the document");
        });
    }

    @Test
    void validate_duplicateKey_isAWarningAtTheSecondKey() {
        assertThat(validator.validate("{\n  \"a\": 1,\n  \"b\": {\"a\": 2},\n  \"a\": 3\n}")).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.message()).startsWith("Duplicate key 'a'");
        });
    }

    private String message(String text) {
        List<Diagnostic> found = validator.validate(text);
        assertThat(found).as(text).hasSize(1);
        return found.getFirst().message();
    }
}
