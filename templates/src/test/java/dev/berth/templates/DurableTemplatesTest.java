package dev.berth.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// What the durable templates declare for Berth, the Durable Task SDK and Azure: the function.json shapes of
/// the starter, orchestrators and activities; the names Main registers with the worker; the task hub; the pom
/// and Dockerfile that carry the SDK into the image.
class DurableTemplatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REGISTERED = Pattern.compile("\\.(orchestration|activity|register)\\(\"(\\w+)\"");
    private static final Pattern CALLED = Pattern.compile("callActivity\\(\"(\\w+)\"");
    private static final Pattern SCHEDULED = Pattern.compile("scheduleNewOrchestrationInstance\\(\"(\\w+)\"");

    @TempDir Path dir;

    static Stream<String> durableTemplateIds() {
        return TemplateCatalog.builtIn().list().stream().filter(t -> t.trigger().equals("durable")).map(Template::id);
    }

    @Test
    void catalog_offersEveryDurablePatternInJava() {
        assertThat(durableTemplateIds()).containsExactly("durable-chaining-java", "durable-fanout-java",
                "durable-http-api-java", "durable-monitor-java", "durable-human-java");
        assertThat(TemplateCatalog.builtIn().list()).filteredOn(t -> t.trigger().equals("durable"))
                .allSatisfy(t -> assertThat(t.files()).extracting(TemplateFile::path)
                        .contains("src/main/java/berth/durable/Durable.java", "src/main/java/berth/functions/FunctionHost.java"));
    }

    @ParameterizedTest
    @MethodSource("durableTemplateIds")
    void scaffold_durableTemplate_declaresOneHttpStarterAndItsOrchestratorsAndActivities(String id) throws IOException {
        var project = scaffold(id);
        var functions = functionsByTrigger(project);

        assertThat(functions.get("httpTrigger")).containsExactly("HttpStart");
        var starter = bindings(project, "HttpStart");
        assertThat(starter).hasSize(3);
        assertThat(starter.get(0).path("type").asText()).isEqualTo("httpTrigger");
        assertThat(starter.get(0).path("methods").toString()).isEqualTo("[\"post\"]");
        assertThat(starter.get(0).path("route").asText()).matches("[a-z-]+");
        assertThat(starter.get(1)).isEqualTo(binding("client", "durableClient"));
        assertThat(starter.get(2)).isEqualTo(JSON.readTree("{\"type\": \"http\", \"direction\": \"out\", \"name\": \"res\"}"));
        assertThat(functions.get("orchestrationTrigger")).isNotEmpty().allSatisfy(f -> assertThat(bindings(project, f))
                .containsExactly(binding("context", "orchestrationTrigger")));
        assertThat(functions.get("activityTrigger")).isNotEmpty().allSatisfy(f -> assertThat(bindings(project, f))
                .containsExactly(binding("input", "activityTrigger")));
        assertThat(functions.keySet()).containsExactlyInAnyOrder("httpTrigger", "orchestrationTrigger", "activityTrigger");
    }

    @ParameterizedTest
    @MethodSource("durableTemplateIds")
    void scaffold_durableTemplate_registersAndCallsEveryFunctionByItsFolderName(String id) throws IOException {
        var project = scaffold(id);
        var functions = functionsByTrigger(project);
        var app = project.resolve("src/main/java/app");

        var main = Files.readString(app.resolve("Main.java"));
        assertThat(matches(REGISTERED, main, 1)).containsExactly("orchestration", "activity", "register");
        assertThat(registered(main, "orchestration")).isEqualTo(Set.copyOf(functions.get("orchestrationTrigger")));
        assertThat(registered(main, "activity")).isEqualTo(Set.copyOf(functions.get("activityTrigger")));
        assertThat(registered(main, "register")).containsExactly("HttpStart");
        assertThat(matches(SCHEDULED, Files.readString(app.resolve("HttpStart.java")), 1))
                .isSubsetOf(functions.get("orchestrationTrigger")).isNotEmpty();
        var called = new TreeSet<String>();
        for (var orchestrator : functions.get("orchestrationTrigger")) {
            called.addAll(matches(CALLED, Files.readString(app.resolve(orchestrator + ".java")), 1));
        }
        assertThat(called).as("activities the orchestrators call").isEqualTo(Set.copyOf(functions.get("activityTrigger")));
    }

    @ParameterizedTest
    @MethodSource("durableTemplateIds")
    void scaffold_durableTemplate_namesAValidTaskHubAndDocumentsHowToDriveIt(String id) throws IOException {
        var project = scaffold(id);

        var hub = JSON.readTree(project.resolve("host.json").toFile()).at("/extensions/durableTask/hubName").asText();
        assertThat(hub).as("Azure task hub names: 3-45 letters and digits, a letter first").matches("[A-Za-z][A-Za-z0-9]{2,44}");
        var route = bindings(project, "HttpStart").getFirst().path("route").asText();
        assertThat(project.resolve("README.md")).content()
                .contains("curl -i -X POST ", "http://127.0.0.1:7071/api/" + route)
                .contains("/runtime/webhooks/durabletask/instances/<id>")
                .contains("berth durable ", "DURABLE_TASK_HOST", "extensions.durableTask.hubName");
        var app = ScaffolderTest.assertContainerContract(project, "durable-app");
        assertThat(app.at("/properties/template/scale/minReplicas").asInt()).as("a worker is always connected").isEqualTo(1);
    }

    @Test
    void scaffold_durable_pomCopiesTheSdkIntoTargetLibAndTheImageRunsAppJarWithIt() throws IOException {
        var project = scaffold("durable-chaining-java");

        assertThat(project.resolve("pom.xml")).content()
                .contains("<artifactId>durable-app</artifactId>")
                .contains("<artifactId>durabletask-client</artifactId>", "<durabletask.version>1.5.0</durabletask.version>")
                .contains("<artifactId>grpc-netty-shaded</artifactId>", "<grpc.version>1.59.0</grpc.version>")
                .contains("<goal>copy-dependencies</goal>", "<outputDirectory>${project.build.directory}/lib</outputDirectory>")
                .contains("<classpathPrefix>lib/</classpathPrefix>", "<mainClass>app.Main</mainClass>")
                .contains("<maven.compiler.release>21</maven.compiler.release>");
        var dockerfile = Files.readAllLines(project.resolve("Dockerfile"));
        assertThat(dockerfile).containsSubsequence("COPY target/lib/ /app/lib/", "COPY target/app.jar /app/app.jar",
                "USER 10001");
        assertThat(dockerfile.getLast()).contains("\"-jar\", \"/app/app.jar\"]");
        assertThat(Files.readAllLines(project.resolve(".dockerignore"))).doesNotContain("target/", "target");
    }

    private Path scaffold(String id) throws IOException {
        return new Scaffolder().scaffold(TemplateCatalog.builtIn().find(id).orElseThrow(), dir.resolve(id), "durable-app");
    }

    private static JsonNode binding(String name, String type) {
        return JSON.createObjectNode().put("type", type).put("direction", "in").put("name", name);
    }

    /// Function folder names by their trigger type.
    private static TreeMap<String, List<String>> functionsByTrigger(Path project) throws IOException {
        var result = new TreeMap<String, List<String>>();
        try (var entries = Files.list(project)) {
            for (var folder : entries.filter(d -> Files.isRegularFile(d.resolve("function.json"))).sorted().toList()) {
                var name = folder.getFileName().toString();
                var trigger = bindings(project, name).getFirst().path("type").asText();
                result.computeIfAbsent(trigger, t -> new ArrayList<>()).add(name);
            }
        }
        return result;
    }

    private static List<JsonNode> bindings(Path project, String function) {
        try {
            return JSON.readTree(project.resolve(function).resolve("function.json").toFile()).path("bindings")
                    .valueStream().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot read " + function + "/function.json", e);
        }
    }

    private static Set<String> registered(String main, String kind) {
        var names = new TreeSet<String>();
        REGISTERED.matcher(main).results().filter(m -> m.group(1).equals(kind)).forEach(m -> names.add(m.group(2)));
        return names;
    }

    /// The distinct values of `group` of every match, in order of first appearance.
    private static List<String> matches(Pattern pattern, String text, int group) {
        return pattern.matcher(text).results().map(m -> m.group(group)).distinct().toList();
    }
}
