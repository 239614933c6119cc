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
    void builtIn_listsEveryTemplateWithItsLanguageTriggerAndDescription() {
        var catalog = TemplateCatalog.builtIn();

        assertThat(catalog.list()).extracting(Template::id).containsExactly("http-python", "http-java",
                "timer-python", "queue-python", "blob-python", "eventgrid-python",
                "timer-java", "queue-java", "blob-java", "eventgrid-java", "order-pipeline",
                "durable-chaining-java", "durable-fanout-java", "durable-http-api-java", "durable-monitor-java",
                "durable-human-java", "batch-job", "gpu-inference");
        assertThat(catalog.list()).allSatisfy(t -> {
            assertThat(t.title()).isNotBlank();
            assertThat(t.description()).hasSizeGreaterThan(60);
            assertThat(t.id()).startsWith(switch (t.id()) {
                case "order-pipeline" -> "order";
                case "batch-job" -> "batch";
                case "gpu-inference" -> "gpu";
                default -> t.trigger().toLowerCase();
            });
            assertThat(t.files()).extracting(TemplateFile::path).contains("host.json", "local.settings.json",
                    "containerapp.yaml", "Dockerfile", ".gitignore", ".dockerignore", "README.md");
            assertThat(t.files()).extracting(TemplateFile::path).anyMatch(p -> p.endsWith("/function.json"));
            assertThat(t.files()).extracting(TemplateFile::path)
                    .contains(t.language().equals("java") ? "src/main/java/berth/functions/FunctionHost.java"
                            : "berth_functions.py");
        });
        assertThat(catalog.find("http-java")).get().extracting(Template::language).isEqualTo("java");
        assertThat(catalog.find("http-python")).get().extracting(Template::trigger).isEqualTo("http");
        assertThat(catalog.find("eventgrid-java")).get().extracting(Template::trigger).isEqualTo("eventGrid");
        assertThat(catalog.find("order-pipeline")).get().extracting(Template::language).isEqualTo("python");
        assertThat(catalog.find("durable-human-java")).get().extracting(Template::trigger).isEqualTo("durable");
        assertThat(catalog.find("gpu-inference")).get().extracting(Template::trigger).isEqualTo("http");
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
                    .filter(name -> !name.equals(TemplateFile.SHARED_FOLDER))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(folders).as("template folders under %s", RESOURCES)
                .containsExactlyInAnyOrderElementsOf(catalog.list().stream().map(Template::id).toList());

        var listed = new TreeSet<String>();
        for (var template : catalog.list()) {
            for (var file : template.files()) listed.add(RESOURCES.getParent() + file.resource(template.id()));
        }
        Set<String> present;
        try (var files = Files.walk(RESOURCES)) {
            present = files.filter(Files::isRegularFile).filter(f -> !f.equals(RESOURCES.resolve("index.json")))
                    .map(f -> f.toString().replace('\\', '/')).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(listed).as("files the index lists, own and shared").containsExactlyInAnyOrderElementsOf(present);
    }

    @Test
    void parse_sharedGroup_isAddedToTheTemplatesFiles() throws IOException {
        var index = """
                {"shared": {"py": ["helper.py"]},
                 "templates": [{"id": "t", "title": "T", "description": "D", "language": "x", "trigger": "http",
                  "shared": "py", "files": ["a.txt"]}]}""";

        var files = TemplateCatalog.parse(stream(index)).getFirst().files();

        assertThat(files).containsExactly(new TemplateFile("a.txt", false), new TemplateFile("helper.py", false, "py"));
        assertThat(files.get(1).resource("t")).isEqualTo("/templates/_shared/py/helper.py");
    }

    @Test
    void parse_severalSharedGroups_addTheirFilesInTheOrderNamed() throws IOException {
        var index = """
                {"shared": {"base": ["helper.java"], "build": ["pom.xml"]},
                 "templates": [{"id": "t", "title": "T", "description": "D", "language": "x", "trigger": "http",
                  "shared": ["base", "build"], "files": ["a.txt"]}]}""";

        var files = TemplateCatalog.parse(stream(index)).getFirst().files();

        assertThat(files).containsExactly(new TemplateFile("a.txt", false),
                new TemplateFile("helper.java", false, "base"), new TemplateFile("pom.xml", false, "build"));
        assertThat(files.get(2).resource("t")).isEqualTo("/templates/_shared/build/pom.xml");
    }

    @Test
    void parse_sameFileFromTwoSharedGroups_isRefused() {
        var index = """
                {"shared": {"plain": ["pom.xml"], "durable": ["pom.xml"]},
                 "templates": [{"id": "t", "title": "T", "description": "D", "language": "x", "trigger": "http",
                  "shared": ["plain", "durable"], "files": ["a.txt"]}]}""";

        assertThatThrownBy(() -> TemplateCatalog.parse(stream(index)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'t'").hasMessageContaining("pom.xml twice");
    }

    @Test
    void parse_sharedNeitherNameNorListOfNames_namesTheTemplateAndTheFix() {
        var index = """
                {"shared": {"py": ["helper.py"]},
                 "templates": [{"id": "t", "title": "T", "description": "D", "language": "x", "trigger": "http",
                  "shared": ["py", 7], "files": ["a.txt"]}]}""";

        assertThatThrownBy(() -> TemplateCatalog.parse(stream(index)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'t'").hasMessageContaining("[\"py\",7]")
                .hasMessageContaining("one group name or a list of them");
    }

    @Test
    void parse_unknownSharedGroup_namesTheTemplateAndTheGroup() {
        var index = """
                {"templates": [{"id": "t", "title": "T", "description": "D", "language": "x", "trigger": "http",
                  "shared": "cobol", "files": ["a.txt"]}]}""";

        assertThatThrownBy(() -> TemplateCatalog.parse(stream(index)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'t'").hasMessageContaining("'cobol'");
    }

    @Test
    void parse_fileBothOwnAndShared_isRefused() {
        var index = """
                {"shared": {"py": ["Dockerfile"]},
                 "templates": [{"id": "t", "title": "T", "description": "D", "language": "x", "trigger": "http",
                  "shared": "py", "files": ["Dockerfile"]}]}""";

        assertThatThrownBy(() -> TemplateCatalog.parse(stream(index)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'t'").hasMessageContaining("Dockerfile twice");
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

        assertThatThrownBy(() -> TemplateCatalog.parse(stream(index)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'t'").hasMessageContaining("run.sh");
    }

    @Test
    void parse_missingTitle_namesTheField() {
        var index = """
                {"templates": [{"id": "t", "description": "D", "language": "x", "trigger": "http", "files": ["a"]}]}""";

        assertThatThrownBy(() -> TemplateCatalog.parse(stream(index)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("`title`");
    }

    @Test
    void templateFile_pathLeavingTheProject_isRejected() {
        for (var bad : List.of("../x", "/etc/passwd", "a\\b", "")) {
            assertThatThrownBy(() -> new TemplateFile(bad, false)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static ByteArrayInputStream stream(String index) {
        return new ByteArrayInputStream(index.getBytes(StandardCharsets.UTF_8));
    }
}
