package dev.berth.runner.session;

import dev.berth.runner.project.ContainerAppSpec;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.HostConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaPlanTest {
    /// The path-component and tag grammar of a Docker image reference (distribution/reference).
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String REFERENCE = COMPONENT + "(?:/" + COMPONENT + ")*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";

    @TempDir Path dir;

    private FunctionApp app(Map<String, String> specEnv, Map<String, String> settings, int minReplicas,
                            Optional<ContainerAppSpec.Probe> probe) {
        var host = new HostConfig("2.0", Optional.of(Duration.ofMinutes(5)), false, "api", "python3");
        var spec = new ContainerAppSpec("demo", 8080, minReplicas, 5, 0.5, 512L << 20, specEnv, probe);
        return new FunctionApp(dir, host, List.of(), settings, spec, List.of());
    }

    private FunctionApp app() { return app(Map.of(), Map.of(), 1, Optional.empty()); }

    @Test
    void env_localSettingsWinOverContainerAppEnv_andBerthSetsTheHandlerPort() {
        var app = app(Map.of("A", "from-yaml", "B", "from-yaml"),
                Map.of("B", "from-settings", "FUNCTIONS_CUSTOMHANDLER_PORT", "9999"), 1, Optional.empty());

        var env = ReplicaPlan.template(app, "demo--abc1234", "s1", RunOptions.defaults(), Optional.empty()).env();

        assertThat(env).containsEntry("A", "from-yaml").containsEntry("B", "from-settings")
                .containsEntry("FUNCTIONS_CUSTOMHANDLER_PORT", "8080")
                .containsEntry("FUNCTIONS_WORKER_RUNTIME", "custom")
                .containsEntry("WEBSITE_HOSTNAME", "localhost:7071")
                .containsEntry("CONTAINER_APP_REVISION", "demo--abc1234")
                .containsEntry("BERTH_SESSION", "s1")
                .doesNotContainKey("JAVA_TOOL_OPTIONS");
    }

    @Test
    void template_carriesTheAppsGpuRequest() {
        var gpu = new dev.berth.runner.project.ContainerAppGpu(dev.berth.runner.project.ContainerAppGpu.Mode.REQUIRE, 2,
                List.of(), dev.berth.runner.project.ContainerAppGpu.Sharing.SPLIT, "workload profile NC48-A100 (2 GPUs)");
        var spec = new ContainerAppSpec("demo", 8080, 1, 5, 0.5, 512L << 20, Map.of(), Optional.empty(),
                dev.berth.runner.project.ContainerAppScale.of(1, 5), gpu);
        var app = new FunctionApp(dir, new HostConfig("2.0", Optional.empty(), false, "api", "python3"), List.of(),
                Map.of(), spec, List.of());

        assertThat(ReplicaPlan.template(app, "demo--abc1234", "s1", RunOptions.defaults(), Optional.empty()).gpu())
                .isEqualTo(gpu);
        assertThat(ReplicaPlan.template(app(), "demo--abc1234", "s1", RunOptions.defaults(), Optional.empty()).gpu()
                .requested()).isFalse();
    }

    @Test
    void env_durableProject_getsTheBackendEndpointUnlessTheSettingsNameOne() {
        var endpoint = Optional.of(new DurableEndpoint("host.docker.internal", 4001, "OrdersHub"));

        var env = ReplicaPlan.template(app(), "demo--abc1234", "s1", RunOptions.defaults(), endpoint).env();
        var overridden = ReplicaPlan.template(app(Map.of(), Map.of("DURABLE_TASK_HOST", "sidecar"), 1, Optional.empty()),
                "demo--abc1234", "s1", RunOptions.defaults(), endpoint).env();

        assertThat(env).containsEntry("DURABLE_TASK_HOST", "host.docker.internal").containsEntry("DURABLE_TASK_PORT", "4001")
                .containsEntry("DURABLE_TASK_HUB", "OrdersHub").containsEntry("DURABLE_TASK_SCHEDULER_CONNECTION_STRING",
                        "Endpoint=http://host.docker.internal:4001;Authentication=None;TaskHub=OrdersHub");
        assertThat(overridden).containsEntry("DURABLE_TASK_HOST", "sidecar").containsEntry("DURABLE_TASK_PORT", "4001");
    }

    @Test
    void env_workerRuntimeFromSettings_isKept() {
        var app = app(Map.of(), Map.of("FUNCTIONS_WORKER_RUNTIME", "python"), 1, Optional.empty());

        var env = ReplicaPlan.template(app, "demo--abc1234", "s1", new RunOptions(0, false), Optional.empty()).env();

        assertThat(env).containsEntry("FUNCTIONS_WORKER_RUNTIME", "python").doesNotContainKey("WEBSITE_HOSTNAME");
    }

    @Test
    void template_resourcesLabelsImageAndProbe_comeFromTheProject() {
        var probe = Optional.of(new ContainerAppSpec.Probe("http", "/healthz", 8080, 5, 0, 3));
        var app = app(Map.of(), Map.of(), 1, probe);

        var template = ReplicaPlan.template(app, "demo--abc1234", "s1", RunOptions.defaults(), Optional.empty());

        assertThat(template.image()).isEqualTo("berth/demo--abc1234:latest");
        assertThat(template.revision()).isEqualTo("demo--abc1234");
        assertThat(template.handlerPort()).isEqualTo(8080);
        assertThat(template.nanoCpus()).isEqualTo(500_000_000L);
        assertThat(template.memoryBytes()).isEqualTo(512L << 20);
        assertThat(template.readiness()).isEqualTo(probe);
        assertThat(template.debugPort()).isZero();
        assertThat(template.labels()).containsOnly(
                Map.entry("berth.project", dir.toAbsolutePath().normalize().toString()),
                Map.entry("berth.revision", "demo--abc1234"),
                Map.entry("berth.session", "s1"));
    }

    @Test
    void debug_oneReplicaWithJdwpOnPort5005_keepingTheUsersJavaToolOptions() {
        var app = app(Map.of("JAVA_TOOL_OPTIONS", "-Xmx256m"), Map.of(), 3, Optional.empty());
        var debug = new RunOptions(7071, true);

        var template = ReplicaPlan.template(app, "demo--abc1234", "s1", debug, Optional.empty());

        assertThat(template.debugPort()).isEqualTo(5005);
        assertThat(template.env()).containsEntry("JAVA_TOOL_OPTIONS",
                "-Xmx256m -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005");
        assertThat(ReplicaPlan.initialReplicas(app, debug)).isEqualTo(1);
    }

    @Test
    void initialReplicas_minReplicasButAtLeastOne() {
        assertThat(ReplicaPlan.initialReplicas(app(Map.of(), Map.of(), 0, Optional.empty()), RunOptions.defaults())).isEqualTo(1);
        assertThat(ReplicaPlan.initialReplicas(app(Map.of(), Map.of(), 3, Optional.empty()), RunOptions.defaults())).isEqualTo(3);
    }

    @Test
    void imageTag_anyRevisionName_isAValidLowercaseDockerReference() {
        var app = app();
        for (var revision : List.of("demo--abc1234", "My_App.v2--ABC1234", "--x--", "ünïcode app--1", "", "a")) {
            assertThat(ReplicaPlan.imageTag(app, revision)).as(revision).matches(REFERENCE).startsWith("berth/");
        }
        assertThat(ReplicaPlan.imageTag(app, "My_App.v2--ABC1234")).isEqualTo("berth/my-app-v2--abc1234:latest");
    }
}
