package dev.berth.runner.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionKeysTest {
    @TempDir Path tmp;

    @Test
    void load_withoutFile_createsFolderAndTwoRandomUrlSafeKeys() throws IOException {
        var stateDir = tmp.resolve("app/.berth");

        var keys = FunctionKeys.load(stateDir);

        assertThat(stateDir.resolve("keys.json")).isRegularFile();
        assertThat(keys.all().keySet()).containsExactly("default", "master");
        assertThat(keys.all().values()).allSatisfy(key -> {
            assertThat(key).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(key)).hasSize(32);
        });
        assertThat(keys.all().get("default")).isNotEqualTo(keys.all().get("master"));
        assertThat(keys.toString()).doesNotContain(keys.all().get("master"));
    }

    @Test
    void load_twice_returnsTheSameKeys() throws IOException {
        var first = FunctionKeys.load(tmp);
        var second = FunctionKeys.load(tmp);

        assertThat(second.all()).isEqualTo(first.all());
    }

    @Test
    void load_concurrentFirstLoads_allSeeTheSameKeys() throws Exception {
        var stateDir = tmp.resolve(".berth");
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = java.util.stream.IntStream.range(0, 16)
                    .mapToObj(i -> pool.submit(() -> FunctionKeys.load(stateDir).all())).toList();
            var first = futures.getFirst().get();
            for (var future : futures) assertThat(future.get()).isEqualTo(first);
            assertThat(FunctionKeys.load(stateDir).all()).isEqualTo(first);
        }
        try (var files = Files.list(stateDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keys.json"); // no temp files left
        }
    }

    @Test
    void load_otherProject_getsOtherKeys() throws IOException {
        assertThat(FunctionKeys.load(tmp.resolve("a")).all()).isNotEqualTo(FunctionKeys.load(tmp.resolve("b")).all());
    }

    @Test
    void allows_matrix() throws IOException {
        var keys = FunctionKeys.load(tmp);
        var function = keys.all().get("default");
        var master = keys.all().get("master");

        assertThat(keys.allows(AuthLevel.ANONYMOUS, null)).isTrue();
        assertThat(keys.allows(AuthLevel.ANONYMOUS, "anything")).isTrue();
        assertThat(keys.allows(AuthLevel.FUNCTION, function)).isTrue();
        assertThat(keys.allows(AuthLevel.FUNCTION, master)).isTrue();
        assertThat(keys.allows(AuthLevel.ADMIN, master)).isTrue();
        assertThat(keys.allows(AuthLevel.ADMIN, function)).isFalse();
        assertThat(keys.allows(AuthLevel.FUNCTION, "wrong")).isFalse();
        assertThat(keys.allows(AuthLevel.FUNCTION, null)).isFalse();
        assertThat(keys.allows(AuthLevel.FUNCTION, "")).isFalse();
        assertThat(keys.allows(AuthLevel.FUNCTION, function.substring(1))).isFalse();
        assertThat(keys.allows(AuthLevel.ADMIN, null)).isFalse();
    }

    @Test
    void extraKeyInFile_opensFunctionLevelOnly() throws IOException {
        Files.writeString(tmp.resolve("keys.json"), """
                {"default": "d-key", "master": "m-key", "ci": "ci-key"}""");

        var keys = FunctionKeys.load(tmp);

        assertThat(keys.all().keySet()).containsExactly("default", "master", "ci");
        assertThat(keys.allows(AuthLevel.FUNCTION, "ci-key")).isTrue();
        assertThat(keys.allows(AuthLevel.ADMIN, "ci-key")).isFalse();
    }

    @Test
    void malformedFile_failsNamingTheFileAndSayingToDeleteIt() throws IOException {
        var file = tmp.resolve("keys.json");
        Files.writeString(file, "{\"default\": ");

        assertThatThrownBy(() -> FunctionKeys.load(tmp))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("delete it");
    }

    @Test
    void fileWithoutMasterKey_failsNamingTheKey() throws IOException {
        Files.writeString(tmp.resolve("keys.json"), "{\"default\": \"d\"}");

        assertThatThrownBy(() -> FunctionKeys.load(tmp))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("\"master\" key is missing")
                .hasMessageContaining("delete it");
    }
}
