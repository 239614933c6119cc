package dev.berth.runner.build;

import dev.berth.runner.container.ImageBuildException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// What needs no Docker: Dockerfile ARG parsing, the choice of substitute, host command handling.
class ImageBuilderTest {
    @Test void defaultOf_baseImageArg_returnsDefault() {
        var lines = List.of("# syntax comment", "ARG BASE_IMAGE=python:3.12-slim", "FROM ${BASE_IMAGE}");
        assertThat(DockerfileArgs.defaultOf(lines, "BASE_IMAGE")).contains("python:3.12-slim");
    }

    @Test void defaultOf_quotedLowercaseArgWithComment_unquoted() {
        assertThat(DockerfileArgs.defaultOf(List.of("arg BASE_IMAGE=\"eclipse-temurin:25-jre\""), "BASE_IMAGE"))
                .contains("eclipse-temurin:25-jre");
        assertThat(DockerfileArgs.defaultOf(List.of("ARG BASE_IMAGE=x:1 # pinned"), "BASE_IMAGE")).contains("x:1");
    }

    @Test void defaultOf_noDefaultOrOtherArg_empty() {
        assertThat(DockerfileArgs.defaultOf(List.of("ARG BASE_IMAGE", "FROM x"), "BASE_IMAGE")).isEmpty();
        assertThat(DockerfileArgs.defaultOf(List.of("ARG BASE_IMAGE_TAG=1"), "BASE_IMAGE")).isEmpty();
    }

    @Test void defaultOf_continuationLine_joined() {
        assertThat(DockerfileArgs.defaultOf(List.of("ARG BASE_IMAGE=\\", "  python:3"), "BASE_IMAGE")).contains("python:3");
    }

    @Test void baseKind_pythonJavaAndOther() {
        assertThat(BaseKind.of("python:3.12-slim")).contains(BaseKind.PYTHON);
        assertThat(BaseKind.of("mcr.microsoft.com/azure-functions/python:4-python3.11")).contains(BaseKind.PYTHON);
        assertThat(BaseKind.of("eclipse-temurin:25-jre")).contains(BaseKind.JAVA);
        assertThat(BaseKind.of("openjdk:25")).contains(BaseKind.JAVA);
        assertThat(BaseKind.of("mcr.microsoft.com/openjdk/jdk:21-ubuntu")).contains(BaseKind.JAVA);
        assertThat(BaseKind.of("nginx:1")).isEmpty();
    }

    @Test void javaDockerfile_startsFromPythonBaseWithJavaOnPath() {
        assertThat(BaseImages.javaDockerfile()).startsWith("FROM berth/base-python:bookworm\n")
                .contains("COPY java /opt/java").contains("JAVA_HOME=/opt/java").contains("PATH=/opt/java/bin:");
    }

    @Test void hostCommand_failingProgram_exitCodeAndBothStreams(@TempDir Path dir) throws Exception {
        var seen = java.util.Collections.synchronizedList(new java.util.ArrayList<String>());
        var result = HostCommand.run(List.of("sh", "-c", "echo to-stdout; echo oops >&2; exit 4"),
                dir, java.util.Map.of(), java.time.Duration.ofSeconds(20), seen::add);
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.lastLines()).containsExactlyInAnyOrder("to-stdout", "oops");
        assertThat(seen).containsExactlyInAnyOrder("to-stdout", "oops");
    }

    @Test void hostCommand_longOutput_keepsOnlyTheLastLines(@TempDir Path dir) throws Exception {
        var result = HostCommand.run(List.of("sh", "-c", "for i in $(seq 1 30); do echo line$i; done"),
                dir, java.util.Map.of(), java.time.Duration.ofSeconds(20), line -> {});
        assertThat(result.ok()).isTrue();
        assertThat(result.lastLines()).hasSize(HostCommand.KEPT_LINES).startsWith("line11").endsWith("line30");
    }

    @Test void mavenFailure_message_namesPomAndLastLines(@TempDir Path dir) {
        var message = HostBuild.failure(dir, new HostCommand.Result(1, List.of("[ERROR] cannot find symbol")));
        assertThat(message).contains(dir.resolve("pom.xml").toString()).contains("exit 1").contains("[ERROR] cannot find symbol");
    }

    @Test void build_noDockerfile_namesFileAndFix(@TempDir Path dir) {
        var builder = new ImageBuilder(new RecordingEngine(), dir.resolve("lock"));
        assertThatThrownBy(() -> builder.build(dir, "t:1", line -> {})).isInstanceOf(ImageBuildException.class)
                .hasMessageContaining(dir.resolve("Dockerfile").toString());
    }

    @Test void build_labelsTheProjectAndKeepsOnlyItsNewestRevisions(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        var engine = new RecordingEngine();
        var builder = new ImageBuilder(engine, dir.resolve("lock"));
        var lines = new java.util.ArrayList<String>();

        for (int i = 1; i <= 4; i++) builder.build(dir, "berth/app--r" + i + ":latest", lines::add);

        assertThat(engine.builds.getLast().labels())
                .containsEntry(ImageBuilder.PROJECT_LABEL, dir.toAbsolutePath().normalize().toString());
        assertThat(engine.removed).containsExactly("berth/app--r1:latest");
        assertThat(engine.labelled).extracting(i -> i.tag())
                .containsExactlyInAnyOrder("berth/app--r2:latest", "berth/app--r3:latest", "berth/app--r4:latest");
        assertThat(lines).contains("removed 1 older image(s) of this project");
    }

    @Test void contextCheck_settingsNotIgnored_warnsNamingDockerignore(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("local.settings.json"), "{}");
        Files.createDirectories(dir.resolve(".berth"));
        Files.writeString(dir.resolve(".dockerignore"), "./.berth/\n");
        assertThat(ContextCheck.warnings(dir)).singleElement().asString()
                .contains("local.settings.json").contains(dir.resolve(".dockerignore").toString());
        Files.writeString(dir.resolve(".dockerignore"), ".berth\nlocal.settings.json\n");
        assertThat(ContextCheck.warnings(dir)).isEmpty();
    }

    @Test void hostMirror_deb822Sources_firstNonSecurityUri(@TempDir Path dir) throws Exception {
        var sources = dir.resolve("debian.sources");
        Files.writeString(sources, "Types: deb\nURIs: http://mirror.example/debian\nSuites: bookworm\n\n"
                + "Types: deb\nURIs: http://mirror.example/debian-security\n");
        assertThat(Debootstrap.hostMirror(sources, dir.resolve("none"))).contains("http://mirror.example/debian");
        assertThat(Debootstrap.hostMirror(dir.resolve("none"), dir.resolve("none2"))).isEmpty();
    }
}
