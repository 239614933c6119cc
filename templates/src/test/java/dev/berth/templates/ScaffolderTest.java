package dev.berth.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScaffolderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final TemplateCatalog catalog = TemplateCatalog.builtIn();
    private final Scaffolder scaffolder = new Scaffolder();

    @TempDir Path dir;

    static Stream<String> allTemplateIds() {
        return TemplateCatalog.builtIn().list().stream().map(Template::id);
    }

    @ParameterizedTest
    @MethodSource("allTemplateIds")
    void scaffold_template_writesEveryListedFileWithTheAppNameFilledIn(String id) throws IOException {
        var template = catalog.find(id).orElseThrow();

        var project = scaffolder.scaffold(template, dir.resolve("orders"), "orders-api");

        assertThat(project).isEqualTo(dir.resolve("orders").toAbsolutePath());
        for (var file : template.files()) assertThat(project.resolve(file.path())).isRegularFile();
        try (var files = Files.walk(project)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                // Latin-1 reads any bytes (gpu-inference ships binary weights); the placeholder is ASCII.
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(Scaffolder.APP_NAME_PLACEHOLDER);
            }
        }
        assertThat(project.resolve("README.md")).content().startsWith("# orders-api");
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http-python", "http-java"})
    void scaffold_template_writesAzureCompatibleConfiguration(String id) throws IOException {
        var project = scaffolder.scaffold(catalog.find(id).orElseThrow(), dir.resolve("app"), "orders-api");

        JsonNode host = JSON.readTree(project.resolve("host.json").toFile());
        assertThat(host.path("version").asText()).isEqualTo("2.0");
        assertThat(host.at("/customHandler/enableForwardingHttpRequest").asBoolean(true)).isFalse();
        assertThat(host.at("/extensions/http/routePrefix").asText()).isEqualTo("api");
        assertThat(host.at("/customHandler/description/defaultExecutablePath").asText())
                .isEqualTo(id.equals("http-java") ? "java" : "python3");

        JsonNode function = JSON.readTree(project.resolve("hello/function.json").toFile());
        assertThat(function.at("/bindings/0/type").asText()).isEqualTo("httpTrigger");
        assertThat(function.at("/bindings/0/name").asText()).isEqualTo("req");
        assertThat(function.at("/bindings/0/authLevel").asText()).isEqualTo("anonymous");
        assertThat(function.at("/bindings/0/route").asText()).isEqualTo("hello/{name?}");
        assertThat(function.at("/bindings/1/name").asText()).isEqualTo("res");

        JsonNode settings = JSON.readTree(project.resolve("local.settings.json").toFile());
        assertThat(settings.path("IsEncrypted").asBoolean(true)).isFalse();
        assertThat(settings.at("/Values/FUNCTIONS_WORKER_RUNTIME").asText()).isEqualTo("custom");
        assertThat(settings.at("/Values/GREETING").asText()).isEqualTo("Hello");

        var app = assertContainerContract(project, "orders-api");
        assertThat(app.at("/properties/configuration/ingress/external").asBoolean()).isTrue();
        assertThat(app.at("/properties/template/scale/maxReplicas").asInt()).isEqualTo(10);
    }

    /// What every template's image and containerapp.yaml promise Berth and Azure (see the container
    /// contract); returns the parsed containerapp.yaml.
    static JsonNode assertContainerContract(Path project, String appName) throws IOException {
        JsonNode app = YAML.readTree(project.resolve("containerapp.yaml").toFile());
        assertThat(app.path("name").asText()).isEqualTo(appName);
        assertThat(app.at("/properties/configuration/activeRevisionsMode").asText()).isEqualTo("Single");
        assertThat(app.at("/properties/configuration/ingress/targetPort").asInt()).isEqualTo(8080);
        assertThat(app.at("/properties/configuration/ingress/traffic/0/weight").asInt()).isEqualTo(100);
        var container = app.at("/properties/template/containers/0");
        assertThat(container.path("image").asText()).isEqualTo(appName + ":latest");
        assertThat(container.at("/resources/memory").asText()).isEqualTo("1Gi");
        assertThat(container.at("/probes/0/type").asText()).isEqualTo("Readiness");
        assertThat(container.at("/probes/0/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(container.at("/probes/0/periodSeconds").asInt()).isBetween(1, 240);
        assertThat(app.at("/properties/template/scale/minReplicas").asInt()).isEqualTo(1);

        var dockerfile = Files.readAllLines(project.resolve("Dockerfile")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(dockerfile.get(0)).startsWith("ARG BASE_IMAGE=");
        assertThat(dockerfile.get(1)).isEqualTo("FROM ${BASE_IMAGE}");
        assertThat(dockerfile).contains("USER 10001", "EXPOSE 8080");
        return app;
    }

    @Test
    void scaffold_python_gitignoreKeepsSecretsAndStateOutAndHandlerIsExecutable() throws IOException {
        var project = scaffolder.scaffold(catalog.find("http-python").orElseThrow(), dir.resolve("app"), "py-app");

        assertThat(Files.readAllLines(project.resolve(".gitignore")))
                .contains("local.settings.json", ".berth/", "__pycache__/");
        assertThat(Files.readAllLines(project.resolve(".dockerignore"))).contains("local.settings.json");
        if (Files.getFileStore(project).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(project.resolve("handler.py")))
                    .contains(PosixFilePermission.OWNER_EXECUTE);
            assertThat(Files.getPosixFilePermissions(project.resolve("host.json")))
                    .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
        }
        assertThat(project.resolve("Dockerfile")).content()
                .contains("ARG BASE_IMAGE=python:3.12-slim").contains("CMD [\"python3\", \"-u\", \"handler.py\"]");
    }

    @Test
    void scaffold_java_gitignoreAlsoIgnoresTargetAndPomNamesTheApp() throws IOException {
        var project = scaffolder.scaffold(catalog.find("http-java").orElseThrow(), dir.resolve("app"), "java-app");

        assertThat(Files.readAllLines(project.resolve(".gitignore")))
                .contains("local.settings.json", ".berth/", "target/");
        assertThat(project.resolve("pom.xml")).content()
                .contains("<artifactId>java-app</artifactId>")
                .contains("<maven.compiler.release>21</maven.compiler.release>")
                .contains("<mainClass>app.Main</mainClass>")
                .doesNotContain("<dependencies>");
        assertThat(project.resolve("Dockerfile")).content()
                .contains("ARG BASE_IMAGE=eclipse-temurin:21-jre")
                .contains("COPY target/app.jar /app/app.jar")
                .contains("\"-jar\", \"/app/app.jar\"]");
    }

    @Test
    void scaffold_existingEmptyFolder_isFilled() throws IOException {
        var target = Files.createDirectory(dir.resolve("empty"));

        var project = scaffolder.scaffold(catalog.find("http-python").orElseThrow(), target, "py-app");

        assertThat(project.resolve("handler.py")).isRegularFile();
    }

    @Test
    void scaffold_nonEmptyFolder_isRefusedNamingTheFolderAndTheFix() throws IOException {
        var target = Files.createDirectory(dir.resolve("busy"));
        Files.writeString(target.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> scaffolder.scaffold(catalog.find("http-python").orElseThrow(), target, "py-app"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(target.toAbsolutePath().toString())
                .hasMessageContaining("not empty")
                .hasMessageContaining("notes.txt")
                .hasMessageContaining("Choose a new folder name");
        try (var entries = Files.list(target)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void scaffold_targetIsAFile_isRefused() throws IOException {
        var target = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> scaffolder.scaffold(catalog.find("http-java").orElseThrow(), target, "java-app"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is a file");
    }

    @Test
    void scaffold_badAppName_isRejectedWithASuggestionAndWritesNothing() {
        assertThatThrownBy(() -> scaffolder.scaffold(catalog.find("http-java").orElseThrow(), dir.resolve("x"),
                "My_App"))
                .isInstanceOf(InvalidAppNameException.class)
                .hasMessageContaining("'My_App'")
                .hasMessageContaining("Try 'my-app'");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void scaffold_failurePartWay_leavesNoHalfProject() throws IOException {
        var broken = new Template("http-python", "Broken", "A template whose last file is missing", "python", "http",
                List.of(new TemplateFile("host.json", false), new TemplateFile("missing/file.txt", false)));
        var target = dir.resolve("half");

        assertThatThrownBy(() -> scaffolder.scaffold(broken, target, "half-app"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("missing/file.txt");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("nothing left in %s", dir).isEmpty();
        }
    }

    @Test
    void substitute_binaryContent_isCopiedUnchanged() {
        byte[] binary = {(byte) 0xff, (byte) 0xfe, '_', '_', 'A'};

        assertThat(Scaffolder.substitute(binary, "x")).isEqualTo(binary);
    }
}
