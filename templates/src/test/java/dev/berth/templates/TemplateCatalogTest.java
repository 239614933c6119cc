package dev.berth.templates;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateCatalogTest {
    /// The module's source resources; surefire runs with the module folder as working directory.
    private static final Path RESOURCES = Path.of("src/main/resources/templates");

    @Test
    void builtIn_listsPythonAndJavaHttpTemplatesWithDescriptions() {
        var catalog = TemplateCatalog.builtIn();

        assertThat(catalog.list()).extracting(Template::id).containsExactly("http-python", "http-java");
        assertThat(catalog.list()).allSatisfy(t -> {
            assertThat(t.title()).isNotBlank();
            assertThat(t.description()).hasSizeGreaterThan(60);
            assertThat(t.trigger()).isEqualTo("http");
            assertThat(t.files()).extracting(TemplateFile::path)
                    .contains("host.json", "hello/function.json", "containerapp.yaml", "Dockerfile", ".gitignore");
        });
        assertThat(catalog.find("http-java")).get().extracting(Template::language).isEqualTo("java");
        assertThat(catalog.find("http-python")).get().extracting(Template::language).isEqualTo("python");
    }

    @Test
    void find_unknownId_isEmpty() {
        assertThat(TemplateCatalog.builtIn().find("cobol-timer")).isEmpty();
    }

    @Test
    void index_listsExactlyTheFilesPresentUnderResources() throws IOException {
        var catalog = TemplateCatalog.builtIn();
        Set<String> folders;
        try (var entries = Files.list(RESOURCES)) {
            folders = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(folders).as("template folders under %s", RESOURCES)
                .containsExactlyInAnyOrderElementsOf(catalog.list().stream().map(Template::id).toList());

        for (var template : catalog.list()) {
            var root = RESOURCES.resolve(template.id());
            Set<String> present;
            try (var files = Files.walk(root)) {
                present = files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
            assertThat(template.files()).extracting(TemplateFile::resourcePath).as("index entry of %s", template.id())
                    .containsExactlyInAnyOrderElementsOf(present);
        }
    }

    @Test
    void dotFiles_areStoredUnderTheDotPrefix() {
        assertThat(new TemplateFile(".gitignore", false).resourcePath()).isEqualTo("dot-gitignore");
        assertThat(new TemplateFile("sub/.env", false).resourcePath()).isEqualTo("sub/dot-env");
        assertThat(new TemplateFile("hello/function.json", false).resourcePath()).isEqualTo("hello/function.json");
    }

    @Test
    void parse_executableNotListedInFiles_namesTheTemplateAndFile() {
        var index = """
                {"templates": [{"id": "t", "title": "T", "description": "D", "language": "x", "trigger": "http",
                  "files": ["a.txt"], "executable": ["run.sh"]}]}""";

        assertThatThrownBy(() -> TemplateCatalog.parse(new ByteArrayInputStream(index.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'t'").hasMessageContaining("run.sh");
    }

    @Test
    void parse_missingTitle_namesTheField() {
        var index = """
                {"templates": [{"id": "t", "description": "D", "language": "x", "trigger": "http", "files": ["a"]}]}""";

        assertThatThrownBy(() -> TemplateCatalog.parse(new ByteArrayInputStream(index.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("`title`");
    }

    @Test
    void templateFile_pathLeavingTheProject_isRejected() {
        for (var bad : List.of("../x", "/etc/passwd", "a\\b", "")) {
            assertThatThrownBy(() -> new TemplateFile(bad, false)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
