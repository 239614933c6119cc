package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// The topic keys in .berth/eventgrid-key.json: created once with random keys, then reused.
class EventGridTopicKeyTest {
    @TempDir Path dir;

    @Test
    void load_firstUse_createsTwoRandomKeysReadableOnlyByTheOwner() throws IOException {
        var state = dir.resolve(".berth");

        var key = TopicKey.load(state);

        var file = state.resolve("eventgrid-key.json");
        var json = new ObjectMapper().readTree(file.toFile());
        assertThat(key.file()).isEqualTo(file);
        assertThat(Base64.getDecoder().decode(json.path("key1").asText())).hasSize(32);
        assertThat(json.path("key2").asText()).isNotEqualTo(json.path("key1").asText());
        assertThat(key.primary()).isEqualTo(json.path("key1").asText());
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (var left = Files.list(state)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("eventgrid-key.json");
        }
    }

    @Test
    void load_again_keepsTheSameKeys() throws IOException {
        var first = TopicKey.load(dir);

        var second = TopicKey.load(dir);

        assertThat(second.primary()).isEqualTo(first.primary());
    }

    @Test
    void allows_eitherKey_notOthers() throws IOException {
        Files.writeString(dir.resolve("eventgrid-key.json"), "{\"key1\": \"one\", \"key2\": \"two\"}");
        var key = TopicKey.load(dir);

        assertThat(key.allows("one")).isTrue();
        assertThat(key.allows("two")).isTrue();
        assertThat(key.allows(" two ")).isTrue();
        assertThat(key.allows("three")).isFalse();
        assertThat(key.allows("")).isFalse();
        assertThat(key.allows(null)).isFalse();
        assertThat(key.toString()).doesNotContain("one").doesNotContain("two");
    }

    @Test
    void load_malformedFile_namesTheFileAndTheFix() throws IOException {
        Files.writeString(dir.resolve("eventgrid-key.json"), "{\"key1\": \"one\"}");

        assertThatThrownBy(() -> TopicKey.load(dir)).isInstanceOf(IOException.class)
                .hasMessage("The Event Grid key file " + dir.resolve("eventgrid-key.json") + " is malformed: \"key2\" is "
                        + "missing or not text. Fix: delete it; Berth generates new keys on the next run.");
    }

    @Test
    void load_notJson_namesTheFileAndTheFix() throws IOException {
        Files.writeString(dir.resolve("eventgrid-key.json"), "key1=abc");

        assertThatThrownBy(() -> TopicKey.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("is malformed: it is not valid JSON").hasMessageEndingWith("Fix: delete it; Berth "
                        + "generates new keys on the next run.");
    }
}
