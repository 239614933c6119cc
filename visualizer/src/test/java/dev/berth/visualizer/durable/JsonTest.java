package dev.berth.visualizer.durable;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {
    @Test
    void pretty_object_indentsTwoSpacesAndKeepsNumbersAsWritten() {
        assertThat(Json.pretty("{\"a\":1.50,\"b\":[true,null,\"x\\\"y\"],\"c\":{}}")).isEqualTo("""
                {
                  "a": 1.50,
                  "b": [
                    true,
                    null,
                    "x\\"y"
                  ],
                  "c": {}
                }""");
    }

    @Test
    void pretty_notJson_givesTheTextAsItIs() {
        assertThat(Json.pretty("plain words")).isEqualTo("plain words");
        assertThat(Json.pretty(null)).isEmpty();
    }

    @Test
    void parse_unicodeEscapesAndNesting_giveJavaValues() {
        Object value = Json.parse(" {\"k\": [\"\\u00e9\", -2e3]} ");
        assertThat(value).isEqualTo(Map.of("k", List.of("é", new Json.Number("-2e3"))));
    }

    @Test
    void parse_brokenText_namesLineAndColumn() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("line 3, column 7: expected ':'");
        assertThatThrownBy(() -> Json.parse("[1, 2")).hasMessageContaining("ends where ']' should be");
        assertThatThrownBy(() -> Json.parse("{} x")).hasMessageContaining("unexpected text after");
    }

    @Test
    void quote_controlCharacters_areEscaped() {
        assertThat(Json.quote("a\nb\u0001")).isEqualTo("\"a\\nb\\u0001\"");
    }
}
