package dev.berth.templates;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// Each durable template built by Maven as Berth's image builder does (`mvn package`: app.jar, and the
/// Durable Task SDK with gRPC in target/lib), then:
/// - run from an image-like folder on the modules of Berth's substitute base image: the function host
///   serves the starter, and the worker and client load gRPC (no backend listens, so the start fails
///   as UNAVAILABLE, with the address it tried);
/// - each orchestrator replayed by the SDK's own executor through histories built as a backend would
///   (ReplayHost), so the patterns' logic is checked without Berth's backend.
///
/// Needs `mvn` on the PATH and Maven Central or the local repository; slow, hence an IT. Each project is
/// built once for the class; the tests run one at a time.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurableMavenBuildIT {
    /// What BaseImages jlinks into Berth's substitute Java base image.
    private static final String BASE_IMAGE_MODULES =
            "java.base,jdk.httpserver,jdk.jdwp.agent,java.logging,jdk.crypto.ec,jdk.unsupported";
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final Map<String, Path> built = new HashMap<>();
    private Path dir;

    static Stream<String> durableTemplateIds() { return DurableTemplatesTest.durableTemplateIds(); }

    @BeforeAll
    void scratch(@TempDir Path tempDir) { dir = tempDir; }

    @AfterAll
    void forget() { built.clear(); }

    @ParameterizedTest
    @MethodSource("durableTemplateIds")
    void mvnPackage_durableTemplate_buildsAppJarThatNamesTheSdkJarsBesideIt(String id) throws Exception {
        var project = built(id);

        try (var jar = new JarFile(project.resolve("target/app.jar").toFile())) {
            var manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Main-Class")).isEqualTo("app.Main");
            var classPath = List.of(manifest.getValue("Class-Path").split(" "));
            assertThat(classPath).contains("lib/durabletask-client-1.5.0.jar", "lib/grpc-netty-shaded-1.59.0.jar")
                    .allSatisfy(entry -> assertThat(project.resolve("target").resolve(entry)).isRegularFile());
            assertThat(jar.getEntry("host.json")).isNotNull();
            assertThat(jar.getEntry("HttpStart/function.json")).as("function.json packed in the jar").isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("durableTemplateIds")
    void appJar_onTheBaseImageModules_servesTheStarterAndReachesForTheBackend(String id) throws Exception {
        var project = built(id);
        var image = Files.createDirectories(dir.resolve(id + "-image"));
        Files.copy(project.resolve("target/app.jar"), image.resolve("app.jar"));
        copyFolder(project.resolve("target/lib"), Files.createDirectories(image.resolve("lib")));
        int closed = freePort();
        var command = List.of(JAVA, "--limit-modules", BASE_IMAGE_MODULES, "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", image.resolve("app.jar").toString());
        var env = Map.of("DURABLE_TASK_HOST", "127.0.0.1", "DURABLE_TASK_PORT", Integer.toString(closed),
                "DURABLE_TASK_HUB", "ItHub");
        var route = "/api/" + Files.readString(project.resolve("HttpStart/function.json"))
                .replaceAll("(?s).*\"route\": \"([^\"]+)\".*", "$1");
        try (var app = HandlerProcess.start(command, image, env)) {
            app.awaitOutput("berth.durable: worker connecting to 127.0.0.1:" + closed + ", task hub ItHub");

            var malformed = app.post(route, "{\"oops\": ");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).contains("not valid JSON").contains("Send ");

            var start = app.post(route, "");
            assertThat(start.statusCode()).isEqualTo(500);
            assertThat(start.body()).contains("Function 'HttpStart' failed: io.grpc.StatusRuntimeException: UNAVAILABLE");
            assertThat(app.output()).contains("127.0.0.1:" + closed).doesNotContain("NoClassDefFoundError");
        }
    }

    @Test
    void chaining_replayed_callsSayHelloPerCityInTurnAndReturnsTheGreetings() throws Exception {
        var run = replay("durable-chaining-java", "HelloCities", "-");

        assertThat(run).containsSubsequence("activity SayHello \"Tokyo\" -> \"Hello Tokyo!\"", "episode 1",
                "activity SayHello \"Seattle\" -> \"Hello Seattle!\"", "episode 2",
                "activity SayHello \"London\" -> \"Hello London!\"", "episode 3");
        assertThat(run.getLast()).isEqualTo("output [\"Hello Tokyo!\",\"Hello Seattle!\",\"Hello London!\"]");
        assertThat(run).contains("durable-log instance=replay-1 replay=false calling SayHello(Tokyo)",
                "durable-log instance=replay-1 replay=true calling SayHello(Tokyo)",
                "durable-log instance=replay-1 replay=false done: [Hello Tokyo!, Hello Seattle!, Hello London!]");
        assertThat(replay("durable-chaining-java", "HelloCities", "[\"Oslo\"]").getLast())
                .isEqualTo("output [\"Hello Oslo!\"]");
    }

    @Test
    void fanOut_replayed_schedulesEverySquareInOneEpisodeAndSumsThem() throws Exception {
        var run = replay("durable-fanout-java", "FanOutFanIn", "10");

        var firstEpisode = run.subList(run.indexOf("episode 0"), run.indexOf("episode 1"));
        assertThat(firstEpisode).filteredOn(line -> line.startsWith("activity Square ")).hasSize(10)
                .contains("activity Square 7 -> 49");
        assertThat(run.getLast()).isEqualTo("output {\"count\":10,\"sum\":385}");
    }

    @Test
    void httpApi_replayed_reportsProgressAsCustomStatusAndListsTheChunks() throws Exception {
        var run = replay("durable-http-api-java", "LongJob", "{\"steps\": 3, \"secondsPerStep\": 0}");

        assertThat(run).containsSubsequence("customStatus {\"done\":0,\"of\":3}", "customStatus {\"done\":1,\"of\":3}",
                "customStatus {\"done\":2,\"of\":3}", "customStatus {\"done\":3,\"of\":3}");
        assertThat(run.getLast()).isEqualTo("output {\"steps\":3,\"chunks\":[\"chunk 1 done\",\"chunk 2 done\",\"chunk 3 done\"]}");
    }

    @Test
    void monitor_replayed_readyJob_isAlertedAtTheFirstCheck() throws Exception {
        var run = replay("durable-monitor-java", "MonitorJob",
                "{\"jobId\": \"job-7\", \"readyAfterSeconds\": 0, \"pollSeconds\": 1, \"expirySeconds\": 10}");

        assertThat(run).contains("activity SendAlert \"job-7 completed (seen after 1 checks)\" -> null");
        assertThat(run.getLast()).isEqualTo("output {\"jobId\":\"job-7\",\"status\":\"Completed\",\"checks\":1}");
    }

    @Test
    void monitor_replayed_jobNeverReady_pollsOnDurableTimersUntilItsExpiry() throws Exception {
        var run = replay("durable-monitor-java", "MonitorJob",
                "{\"jobId\": \"job-8\", \"readyAfterSeconds\": 3600, \"pollSeconds\": 2, \"expirySeconds\": 5}");

        assertThat(run).filteredOn(line -> line.startsWith("timer ")).hasSize(2);
        assertThat(run).noneMatch(line -> line.startsWith("activity SendAlert"));
        assertThat(run).contains("customStatus {\"checks\":3,\"lastStatus\":\"Running\"}");
        assertThat(run.getLast()).isEqualTo("output {\"jobId\":\"job-8\",\"status\":\"Expired\",\"checks\":3}");
    }

    @Test
    void human_replayed_approvalEventBeforeTheTimeout_approves() throws Exception {
        var input = "{\"item\": \"laptop\", \"timeoutSeconds\": 60}";

        assertThat(replay("durable-human-java", "ApprovalWorkflow", input, "Approval", "true").getLast())
                .isEqualTo("output {\"item\":\"laptop\",\"outcome\":\"approved\"}");
        assertThat(replay("durable-human-java", "ApprovalWorkflow", input, "Approval", "false").getLast())
                .isEqualTo("output {\"item\":\"laptop\",\"outcome\":\"rejected\"}");
    }

    @Test
    void human_replayed_noAnswer_escalatesWhenTheTimerFires() throws Exception {
        var run = replay("durable-human-java", "ApprovalWorkflow", "{\"item\": \"laptop\", \"timeoutSeconds\": 60}");

        assertThat(run).anyMatch(line -> line.startsWith("activity RequestApproval ") && line.contains("\"replay-1\""));
        assertThat(run).containsSubsequence("durable-log instance=replay-1 replay=false no Approval within 60 s",
                "activity Escalate {\"item\":\"laptop\",\"timeoutSeconds\":60} -> null");
        assertThat(run.getLast()).isEqualTo("output {\"item\":\"laptop\",\"outcome\":\"escalated\"}");
    }

    /// The project of template `id`, scaffolded and packaged on first use.
    private Path built(String id) throws Exception {
        var project = built.get(id);
        if (project == null) {
            project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find(id).orElseThrow(), dir.resolve(id),
                    "durable-app");
            MavenPackage.run(project);
            built.put(id, project);
        }
        return project;
    }

    /// ReplayHost's output lines for `orchestrator` of template `id` with `input` (and an event to raise).
    private List<String> replay(String id, String orchestrator, String... args) throws Exception {
        var project = built(id);
        var classes = replayHostClasses(project);
        var command = new ArrayList<>(List.of(JAVA, "-cp", classes + File.pathSeparator + project.resolve("target/app.jar"),
                "ReplayHost", orchestrator));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("ReplayHost output:%n%s", output).isZero();
        assertThat(output).as("ReplayHost output").contains("status ORCHESTRATION_STATUS_COMPLETED");
        return output.lines().toList();
    }

    /// ReplayHost compiled against the project's classes and jars (app.jar names the jars in lib/).
    private Path replayHostClasses(Path project) throws Exception {
        var out = project.resolve("target/replay-host");
        if (Files.isDirectory(out)) return out;
        var source = Files.createDirectories(dir.resolve("replay-src")).resolve("ReplayHost.java");
        try (var in = DurableMavenBuildIT.class.getResourceAsStream("ReplayHost.java")) {
            Files.write(source, in.readAllBytes());
        }
        Files.createDirectories(out);
        var errors = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, "--release", "21", "-d", out.toString(),
                "-cp", project.resolve("target/app.jar").toString(), source.toString());
        assertThat(rc).as("javac output:%n%s", errors).isZero();
        return out;
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        try (var files = Files.list(from)) {
            for (var file : files.toList()) Files.copy(file, to.resolve(file.getFileName()));
        }
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
