package dev.berth.runner.blob;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlobNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "images", "order-archive", "a1-b2-c3", "123", "x23456789012345678901234567890123456789012345678901234567890123"})
    void container_validName_isAccepted(String name) {
        assertThat(BlobNames.container(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Images", "-abc", "abc-", "a--b", "a_b", "a.b", "a/b", "ab c", "",
            "x234567890123456789012345678901234567890123456789012345678901234"})
    void container_invalidName_isRejectedWithFieldAndFix(String name) {
        assertThatThrownBy(() -> BlobNames.container(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'")
                .hasMessageContaining("field 'container'")
                .hasMessageContaining("3 to 63 lowercase letters, digits and single hyphens")
                .hasMessageContaining("e.g. 'images'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "a/b", "a/b/c.txt", "...", "a..b", ".hidden", "x/..y", "名前.png", "with space"})
    void blob_validName_isAccepted(String name) {
        assertThat(BlobNames.blob(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "../x|'..' path segments",
            "a/../../b|'..' path segments",
            "a/..|'..' path segments",
            "./a|'.' path segments",
            "a/./b|'.' path segments",
            "/etc/passwd|remove the leading '/'",
            "a\\b|backslash",
            "..\\..\\windows|backslash"})
    void blob_traversalAttempt_isRejectedWithFieldAndFix(String name, String expected) {
        assertThatThrownBy(() -> BlobNames.blob(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'blob name'")
                .hasMessageContaining(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|NUL", "1|U+0001", "10|U+000A", "127|U+007F"})
    void blob_controlCharacter_isRejectedAndShownEscaped(int code, String expected) {
        String name = "a" + (char) code + "b";
        assertThatThrownBy(() -> BlobNames.blob(name))
                .hasMessageContaining(expected)
                .hasMessageContaining("remove it")
                .hasMessageNotContaining(String.valueOf((char) code));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1025})
    void blob_wrongLength_isRejected(int length) {
        assertThatThrownBy(() -> BlobNames.blob("x".repeat(length)))
                .hasMessageContaining("must be 1 to 1024 characters long");
    }

    @org.junit.jupiter.api.Test
    void blob_exactly1024Characters_isAccepted() {
        assertThat(BlobNames.blob("x".repeat(1024))).hasSize(1024);
    }
}
