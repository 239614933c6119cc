package dev.berth.runner.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionsTest {
    @TempDir Path dir;

    @Test
    void contentHash_sameBytesSplitDifferentlyBetweenNameAndContent_differs() throws IOException {
        var one = Files.createDirectories(dir.resolve("one"));
        var two = Files.createDirectories(dir.resolve("two"));
        Files.writeString(one.resolve("ab"), "c");
        Files.writeString(two.resolve("a"), "bc");

        assertThat(Revisions.contentHash(one)).isNotEqualTo(Revisions.contentHash(two));
    }

    @Test
    void contentHash_sameFilesInAnotherFolder_isTheSame_andIgnoredFoldersDoNotCount() throws IOException {
        var one = Files.createDirectories(dir.resolve("one/hello"));
        var two = Files.createDirectories(dir.resolve("two/hello"));
        Files.writeString(one.resolve("function.json"), "{}");
        Files.writeString(two.resolve("function.json"), "{}");
        Files.createDirectories(dir.resolve("two/.berth"));
        Files.writeString(dir.resolve("two/.berth/berth.db"), "state");

        assertThat(Revisions.contentHash(dir.resolve("one"))).isEqualTo(Revisions.contentHash(dir.resolve("two")));
    }

    @Test
    void relativeName_nestedFile_usesSlashes() {
        assertThat(Revisions.relativeName(dir, dir.resolve("hello").resolve("function.json")))
                .isEqualTo("hello/function.json");
    }

    @Test
    void name_isTheAppAndASevenCharacterSuffix() throws IOException {
        Files.writeString(dir.resolve("host.json"), "{}");

        assertThat(Revisions.name("demo", dir)).matches("demo--[0-9a-f]{7}");
    }
}
