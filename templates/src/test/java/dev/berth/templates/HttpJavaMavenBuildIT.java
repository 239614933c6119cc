package dev.berth.templates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/// The scaffolded http-java project built by Maven as a user (and Berth's image builder) would, then
/// its jar run from another folder, as in the image where only app.jar is copied. Needs `mvn` on the
/// PATH and its plugins in the local repository or reachable; slow, hence an IT.
class HttpJavaMavenBuildIT {
    @TempDir Path dir;

    @Test
    void mvnPackage_scaffoldedJavaApp_buildsARunnableAppJar() throws Exception {
        var project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find("http-java").orElseThrow(),
                dir.resolve("app"), "maven-app");
        MavenPackage.run(project);

        var jar = project.resolve("target/app.jar");
        assertThat(jar).isRegularFile();
        try (var archive = new JarFile(jar.toFile())) {
            assertThat(archive.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("app.Main");
            assertThat(archive.getEntry("hello/function.json")).as("function.json packed in the jar").isNotNull();
        }

        var elsewhere = Files.createDirectories(dir.resolve("image-workdir"));
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (var handler = HandlerProcess.start(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xshare:auto", "-jar", jar.toString()), elsewhere, Map.of())) {
            var direct = handler.get("/api/hello/Ada");
            assertThat(direct.statusCode()).isEqualTo(200);
            assertThat(direct.body()).isEqualTo("Hello, Ada!");
            assertThat(handler.invoke("hello", 200, "GET", Map.of("name", "Ada"), Map.of())
                    .at("/Outputs/res/body").asText()).isEqualTo("Hello, Ada!");
        }
    }
}
