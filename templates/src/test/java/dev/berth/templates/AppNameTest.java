package dev.berth.templates;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"ab", "my-app", "a1", "orders-api-2", "abcdefghijklmnopqrstuvwxyz012345"})
    void isValid_azureContainerAppsNames_accepted(String name) throws InvalidAppNameException {
        assertThat(AppName.isValid(name)).isTrue();
        AppName.requireValid(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a|shorter than 2",
            "My-App|must start with a lowercase letter",
            "1app|must start with a lowercase letter",
            "my_app|other than a-z, 0-9 and '-'",
            "my-app-|ends with '-'",
            "my--app|contains '--'",
            "abcdefghijklmnopqrstuvwxyz0123456|longer than 32",
    })
    void requireValid_badName_saysWhatIsWrongAndSuggestsAValidName(String name, String problem) {
        assertThatThrownBy(() -> AppName.requireValid(name))
                .isInstanceOf(InvalidAppNameException.class)
                .hasMessageContaining("'" + name + "'")
                .hasMessageContaining(problem)
                .hasMessageContaining("Try '")
                .satisfies(e -> assertThat(AppName.isValid(((InvalidAppNameException) e).suggestion())).isTrue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "My App|my-app",
            "my_app|my-app",
            "my--app|my-app",
            "2fast 2furious|fast-2furious",
            "x|x-app",
            "___|my-app",
            "Ünïcode Äpp!|n-code-pp",
            "abcdefghijklmnopqrstuvwxyz-123456789|abcdefghijklmnopqrstuvwxyz-12345",
            "abcdefghijklmnopqrstuvwxyzabcde-x|abcdefghijklmnopqrstuvwxyzabcde",
    })
    void sanitize_anyInput_givesAValidName(String input, String expected) {
        assertThat(AppName.sanitize(input)).isEqualTo(expected);
        assertThat(AppName.isValid(AppName.sanitize(input))).isTrue();
    }
}
