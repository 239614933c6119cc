package dev.berth.runner.blob;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlobPathPatternTest {

    /// pattern | blob path | expected bindings (k=v;k=v), or NONE when it must not match
    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "images/{name}|images/cat.png|name=cat.png",
            "images/{name}|images/cats/tom.png|name=cats/tom.png",
            "images/{name}|other/cat.png|NONE",
            "images/{name}|images/|NONE",
            "input/{name}.{ext}|input/report.csv|name=report;ext=csv",
            "input/{name}.{ext}|input/a.b.c|name=a.b;ext=c",
            "input/{name}.{ext}|input/noext|NONE",
            "samples/original-{name}|samples/original-Blob1.txt|name=Blob1.txt",
            "samples/original-{name}|samples/copy-Blob1.txt|NONE",
            "samples/{name}.png|samples/a.png|name=a",
            "samples/{name}.png|samples/a.png.bak|NONE",
            "samples/{name}.png|samples/a.PNG|NONE",
            "samples/{folder}/{file}|samples/2026/11/x.txt|folder=2026/11;file=x.txt",
            "samples/{{20140101}}-{name}|samples/{20140101}-soundfile.mp3|name=soundfile.mp3",
            "samples/{{20140101}}-{name}|samples/20140101-soundfile.mp3|NONE",
            "samples/a.b+c(d)|samples/a.b+c(d)|",
            "samples/a.b+c(d)|samples/aXb+c(d)|NONE",
            "samples|samples/anything/at/all|",
            "samples/|samples/x|",
            "samples|other/x|NONE",
    })
    void match_table(String pattern, String path, String expected) {
        var result = BlobPathPattern.parse(pattern).match(path);
        if ("NONE".equals(expected)) {
            assertThat(result).isEmpty();
        } else {
            assertThat(result).contains(bindings(expected));
        }
    }

    private static Map<String, String> bindings(String spec) {
        var map = new LinkedHashMap<String, String>();
        if (spec == null || spec.isBlank()) return map;
        for (var pair : spec.split(";")) {
            var kv = pair.split("=", 2);
            map.put(kv[0], kv[1]);
        }
        return map;
    }

    @Test
    void parse_exposesContainerAndParameterNamesInOrder() {
        var pattern = BlobPathPattern.parse("input/{name}.{ext}");
        assertThat(pattern.container()).isEqualTo("input");
        assertThat(pattern.parameterNames()).containsExactly("name", "ext");
        assertThat(pattern).hasToString("input/{name}.{ext}");
    }

    @Test
    void match_containerAndNameSeparately_sameAsFullPath() {
        var pattern = BlobPathPattern.parse("images/{name}");
        assertThat(pattern.match("images", "a/b")).contains(Map.of("name", "a/b"));
        assertThat(pattern.match("imagesx", "a")).isEmpty();
        assertThat(pattern.match("no-slash")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|is empty; give '<container>/<blob pattern>'",
            "{container}/{name}|binding expression in the container name",
            "Images/{name}|starts with an invalid container name",
            "ab/{name}|starts with an invalid container name",
            "images/{name|without a closing '}'",
            "images/name}|without an opening '{'",
            "images/{}|binding expression '{}'",
            "images/{na-me}|binding expression '{na-me}'",
            "images/{name}-{name}|uses '{name}' twice",
            "images/{a}{b}|nothing between them",
    })
    void parse_invalidPattern_namesFieldAndFix(String pattern, String expected) {
        assertThatThrownBy(() -> BlobPathPattern.parse(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blobTrigger path")
                .hasMessageContaining("(field 'path')")
                .hasMessageContaining(expected);
    }
}
