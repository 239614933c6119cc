package dev.berth.app.ui.start;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerAppNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"ab", "my-app", "orders-v2", "a1234567890123456789012345678901"})
    void problem_validName_isEmpty(String name) {
        assertThat(ContainerAppNames.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|Enter a name",
            "a|2 to 32 characters",
            "a12345678901234567890123456789012|2 to 32 characters",
            "My-app|lowercase letters only: 'M' → 'm'",
            "my_app|'_' is not allowed",
            "1app|Start the name with a letter",
            "app-|End the name with a letter or digit",
            "my--app|single hyphens"})
    void problem_invalidName_saysWhatToChange(String name, String expected) {
        assertThat(ContainerAppNames.problem(name)).hasValueSatisfying(m -> assertThat(m).contains(expected));
    }
}
