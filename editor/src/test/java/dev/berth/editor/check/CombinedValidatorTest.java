package dev.berth.editor.check;

import dev.berth.editor.Diagnostic;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CombinedValidatorTest {
    private final AtomicReference<Validator> extra = new AtomicReference<>();
    private final CombinedValidator validator = new CombinedValidator(new JsonValidator(), extra::get);

    @Test
    void validate_validSyntax_addsTheExtraDiagnosticsInTextOrder() {
        extra.set(text -> List.of(new Diagnostic(3, 1, "late"), new Diagnostic(2, 1, "early", Diagnostic.Severity.WARNING)));

        var found = validator.validate("{\n  \"a\": 1,\n  \"b\": 2\n}");

        assertThat(found).extracting(Diagnostic::message).containsExactly("early", "late");
    }

    @Test
    void validate_syntaxError_skipsTheExtraValidator() {
        extra.set(text -> List.of(new Diagnostic(1, 1, "extra")));

        var found = validator.validate("{\n  \"a\": \n}");

        assertThat(found).isNotEmpty().noneMatch(d -> d.message().equals("extra"));
    }

    @Test
    void validate_extraValidatorThrows_keepsTheSyntaxResult() {
        extra.set(text -> { throw new IllegalStateException("bug"); });

        assertThat(validator.validate("{}")).isEmpty();
    }

    @Test
    void validate_noExtraValidator_isTheSyntaxCheck() {
        assertThat(validator.validate("{}")).isEmpty();
    }
}
