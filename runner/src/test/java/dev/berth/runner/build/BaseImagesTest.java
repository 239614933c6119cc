package dev.berth.runner.build;

import dev.berth.runner.container.ImageBuildException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaseImagesTest {
    private final RecordingEngine engine = new RecordingEngine();
    @TempDir Path dir;

    private BaseImages bases() { return new BaseImages(engine, dir.resolve("lock")); }

    @Test void resolve_publicImagePresent_usedWithoutPull() throws Exception {
        engine.images.add("python:3.12-slim");
        assertThat(bases().resolve("python:3.12-slim", dir.resolve("Dockerfile"), line -> {})).isEqualTo("python:3.12-slim");
        assertThat(engine.pulls).isEmpty();
    }

    @Test void resolve_absentButRegistryAnswers_pullsPublicImage() throws Exception {
        engine.registryAnswers = true;
        assertThat(bases().resolve("eclipse-temurin:25-jre", dir.resolve("Dockerfile"), line -> {}))
                .isEqualTo("eclipse-temurin:25-jre");
        assertThat(engine.pulls).containsExactly("eclipse-temurin:25-jre");
    }

    @Test void resolve_offlineWithSubstituteBuilt_usesSubstituteWithoutRebuilding() throws Exception {
        engine.images.add("berth/base-java:25");
        assertThat(bases().resolve("eclipse-temurin:25-jre", dir.resolve("Dockerfile"), line -> {}))
                .isEqualTo("berth/base-java:25");
        assertThat(engine.builds).isEmpty();
    }

    @Test void resolve_offlineUnknownKind_namesDockerfileArgAndFix() {
        var dockerfile = dir.resolve("Dockerfile");
        assertThatThrownBy(() -> bases().resolve("nginx:1", dockerfile, line -> {}))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("ARG BASE_IMAGE").hasMessageContaining(dockerfile.toString())
                .hasMessageContaining("nginx:1");
    }

    @Test void build_dockerfileWithBaseArg_passesChosenBaseAsBuildArg() throws Exception {
        engine.images.add("berth/base-python:bookworm");
        Files.writeString(dir.resolve("Dockerfile"), "ARG BASE_IMAGE=python:3.12-slim\nFROM ${BASE_IMAGE}\n");
        new ImageBuilder(engine, dir.resolve("lock")).build(dir, "app:1", line -> {});
        assertThat(engine.builds).singleElement().satisfies(request -> {
            assertThat(request.tag()).isEqualTo("app:1");
            assertThat(request.buildArgs()).containsEntry("BASE_IMAGE", "berth/base-python:bookworm");
        });
    }
}
