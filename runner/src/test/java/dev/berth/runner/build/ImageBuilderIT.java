package dev.berth.runner.build;

import dev.berth.runner.container.ContainerSpec;
import dev.berth.runner.container.ImageBuildException;
import dev.berth.runner.docker.DockerEngine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// Builds against the local dockerd with no registry: the python base by real debootstrap (once; reused
/// when present), the java base by jlink, and project images on top. Base images are kept for everyone.
@Tag("docker")
class ImageBuilderIT {
    private static DockerEngine engine;
    private static ImageBuilder builder;
    private static final List<String> createdTags = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll static void connect() { engine = new DockerEngine(); builder = new ImageBuilder(engine); }

    @AfterAll static void cleanUp() {
        createdTags.forEach(engine::removeImage);
        engine.close();
    }

    @Test void pythonProject_publicBaseUnreachable_buildsOnLocalSubstituteAndServes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), """
                ARG BASE_IMAGE=python:3.12-slim
                FROM ${BASE_IMAGE}
                COPY app.py /app/app.py
                USER 10001
                CMD ["python3", "/app/app.py"]
                """);
        Files.writeString(dir.resolve("app.py"), "import json\nprint(json.dumps({'ok': True}), flush=True)\n");
        var lines = Collections.synchronizedList(new ArrayList<String>());
        String tag = "berth-it/python-app:" + ProcessHandle.current().pid();
        createdTags.add(tag);

        builder.build(dir, tag, lines::add);

        assertThat(engine.imageExists(tag)).isTrue();
        assertThat(engine.imageExists("berth/base-python:bookworm")).isTrue();
        assertThat(lines).anyMatch(l -> l.contains("Step"));
        assertThat(runAndCollect(tag, List.of())).contains("{\"ok\": true}");
    }

    @Test void javaBase_builtFromHostJdk_runsJavaVersion() throws Exception {
        var tag = builder.ensureBase("java", line -> {});
        assertThat(tag).isEqualTo("berth/base-java:25");
        assertThat(String.join("\n", runAndCollect(tag, List.of("java", "-version")))).contains("25");
    }

    @Test void javaProject_mavenOnHostThenJavaBase_imageRunsTheJar(@TempDir Path dir) throws Exception {
        writeJavaProject(dir, "System.out.println(\"hello from \" + Runtime.version().feature());");
        var lines = Collections.synchronizedList(new ArrayList<String>());
        String tag = "berth-it/java-app:" + ProcessHandle.current().pid();
        createdTags.add(tag);

        builder.build(dir, tag, lines::add);

        assertThat(dir.resolve("target/app.jar")).exists();
        assertThat(lines).anyMatch(l -> l.startsWith("host build: mvn"));
        assertThat(runAndCollect(tag, List.of())).contains("hello from 25");
    }

    @Test void javaProject_compileError_throwsWithMavenOutput(@TempDir Path dir) throws Exception {
        writeJavaProject(dir, "this does not compile;");
        assertThatThrownBy(() -> builder.build(dir, "berth-it/never-java:1", line -> {}))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("Maven failed")
                .hasMessageContaining(dir.resolve("pom.xml").toString())
                .hasMessageContaining("Main.java");
    }

    /// A dependency-free Maven project whose plugins are pinned to versions the build itself uses, so
    /// Maven finds them in the local repository without a download.
    private static void writeJavaProject(Path dir, String mainBody) throws Exception {
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>it.berth</groupId><artifactId>app</artifactId><version>1</version>
                  <properties><maven.compiler.release>25</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
                  <build><finalName>app</finalName><plugins>
                    <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                    <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
                    <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
                    <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version>
                      <configuration><archive><manifest><mainClass>app.Main</mainClass></manifest></archive></configuration></plugin>
                  </plugins></build>
                </project>
                """);
        var src = Files.createDirectories(dir.resolve("src/main/java/app"));
        Files.writeString(src.resolve("Main.java"),
                "package app;\npublic class Main { public static void main(String[] a) { " + mainBody + " } }\n");
        Files.writeString(dir.resolve("Dockerfile"), """
                ARG BASE_IMAGE=eclipse-temurin:25-jre
                FROM ${BASE_IMAGE}
                COPY target/app.jar /app/app.jar
                USER 10001
                CMD ["java", "-jar", "/app/app.jar"]
                """);
    }

    @Test void failingStep_throwsWithStepAndLogLines(@TempDir Path dir) throws Exception {
        builder.ensureBase("python", line -> {});
        Files.writeString(dir.resolve("Dockerfile"), """
                ARG BASE_IMAGE=python:3.12-slim
                FROM ${BASE_IMAGE}
                RUN echo about-to-fail && exit 3
                """);
        String tag = "berth-it/failing:" + ProcessHandle.current().pid();
        createdTags.add(tag);

        assertThatThrownBy(() -> builder.build(dir, tag, line -> {}))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageFindingMatch("Step 3/\\d : RUN echo about-to-fail") // Docker counts label steps too
                .hasMessageContaining("about-to-fail")
                .hasMessageContaining("non-zero code: 3");
    }

    @Test void unknownBase_noSubstitute_namesArgAndFix(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "ARG BASE_IMAGE=example.invalid/nginx:1\nFROM ${BASE_IMAGE}\n");
        assertThatThrownBy(() -> builder.build(dir, "berth-it/never:1", line -> {}))
                .isInstanceOf(ImageBuildException.class)
                .hasMessageContaining("ARG BASE_IMAGE")
                .hasMessageContaining("example.invalid/nginx:1");
    }

    /// Runs the image to completion and returns its output lines.
    private static List<String> runAndCollect(String image, List<String> command) throws Exception {
        var started = engine.start(new ContainerSpec(image, null, Map.of("berth.session", "it-builder"), Map.of(),
                List.of(), 0, 0, command));
        try {
            var deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (engine.status(started.id()).running() && Instant.now().isBefore(deadline)) Thread.sleep(100);
            return engine.tailLogs(started.id(), 50);
        } finally {
            engine.stopAndRemove(started.id(), Duration.ZERO);
        }
    }
}
