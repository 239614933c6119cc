package dev.berth.runner.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobLoaderTest {
    @TempDir Path dir;

    static final String MANUAL = """
            name: process-batch
            type: Microsoft.App/jobs
            properties:
              configuration:
                triggerType: Manual
                replicaTimeout: 60
                replicaRetryLimit: 2
                manualTriggerConfig:
                  parallelism: 2
                  replicaCompletionCount: 4
              template:
                containers:
                  - name: main
                    image: python:3.12-slim
                    command: ["python3", "-u", "batch.py"]
                    args: ["--size", 10]
                    env:
                      - name: MODE
                        value: batch
                    resources:
                      cpu: 0.25
                      memory: 0.5Gi
            """;

    private JobLoader.Loaded load(String file, String yaml) throws Exception {
        write(file, yaml);
        return new JobLoader().load(dir);
    }

    private void write(String file, String yaml) throws IOException {
        Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(dir.resolve("jobs").resolve(file), yaml);
    }

    private List<String> errors(String yaml) throws IOException {
        write("bad.yaml", yaml);
        try {
            new JobLoader().load(dir);
        } catch (ProjectException e) {
            return e.problems().stream().map(ProjectProblem::describe).toList();
        }
        throw new AssertionError("expected errors for\n" + yaml);
    }

    private static String manualWith(String configuration) {
        return """
                properties:
                  configuration:
                %s
                """.formatted(configuration.indent(4).stripTrailing());
    }

    @Test void load_noJobsFolder_noJobs() throws Exception {
        assertThat(new JobLoader().load(dir).jobs()).isEmpty();
    }

    @Test void load_manualJob_everyField() throws Exception {
        var job = load("process-batch.yaml", MANUAL).jobs().getFirst();

        assertThat(job.name()).isEqualTo("process-batch");
        assertThat(job.file()).isEqualTo(Path.of("jobs", "process-batch.yaml"));
        assertThat(job.trigger()).isEqualTo(JobSpec.Trigger.MANUAL);
        assertThat(job.replicaTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(job.retryLimit()).isEqualTo(2);
        assertThat(job.parallelism()).isEqualTo(2);
        assertThat(job.completionCount()).isEqualTo(4);
        assertThat(job.cron()).isEmpty();
        assertThat(job.event()).isEmpty();
        var c = job.container();
        assertThat(c.image()).contains("python:3.12-slim");
        assertThat(c.command()).containsExactly("python3", "-u", "batch.py");
        assertThat(c.args()).containsExactly("--size", "10");
        assertThat(c.env()).containsEntry("MODE", "batch");
        assertThat(c.cpu()).isEqualTo(0.25);
        assertThat(c.memoryBytes()).isEqualTo(512L << 20);
    }

    @Test void load_minimalJob_defaultsAndFileName() throws Exception {
        var job = load("tidy.yaml", manualWith("triggerType: Manual\nreplicaTimeout: 5")).jobs().getFirst();
        assertThat(job.name()).isEqualTo("tidy");
        assertThat(job.retryLimit()).isZero();
        assertThat(job.parallelism()).isEqualTo(1);
        assertThat(job.completionCount()).isEqualTo(1);
        assertThat(job.container().image()).as("the project's image").isEmpty();
        assertThat(job.container().command()).isEmpty();
    }

    @Test void load_scheduleJob_cronReadAsFiveFieldsUtc() throws Exception {
        var job = load("nightly.yaml", manualWith("""
                triggerType: Schedule
                replicaTimeout: 300
                scheduleTriggerConfig:
                  cronExpression: "30 2 * * *"
                  parallelism: 1
                  replicaCompletionCount: 1""")).jobs().getFirst();
        assertThat(job.cron()).contains("30 2 * * *");
        assertThat(job.schedule().orElseThrow().next(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC))
                .isEqualTo(java.time.Instant.parse("2026-01-01T02:30:00Z"));
    }

    @Test void load_eventJob_scaleAndQueueRules() throws Exception {
        var job = load("drain.yaml", manualWith("""
                triggerType: Event
                replicaTimeout: 300
                eventTriggerConfig:
                  parallelism: 1
                  replicaCompletionCount: 1
                  scale:
                    minExecutions: 0
                    maxExecutions: 5
                    pollingInterval: 10
                    rules:
                      - name: orders
                        type: azure-queue
                        metadata:
                          queueName: orders
                          queueLength: "3"
                          accountName: local
                        auth:
                          - secretRef: conn
                            triggerParameter: connection""")).jobs().getFirst();
        var scale = job.event().orElseThrow();
        assertThat(scale.minExecutions()).isZero();
        assertThat(scale.maxExecutions()).isEqualTo(5);
        assertThat(scale.pollingInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(scale.rules()).containsExactly(new JobSpec.QueueRule("orders", "orders", 3));
    }

    @Test void load_eventDefaults_pollingThirtyMaxHundredQueueLengthFive() throws Exception {
        var job = load("drain.yaml", manualWith("""
                triggerType: Event
                replicaTimeout: 300
                eventTriggerConfig:
                  scale:
                    rules:
                      - {name: q, type: azure-queue, metadata: {queueName: orders}}""")).jobs().getFirst();
        var scale = job.event().orElseThrow();
        assertThat(scale.pollingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(scale.maxExecutions()).isEqualTo(100);
        assertThat(scale.rules().getFirst().queueLength()).isEqualTo(5);
    }

    @Test void load_unknownFieldsAndOtherTriggersConfig_warnings() throws Exception {
        var loaded = load("tidy.yaml", """
                propertes: {}
                properties:
                  configuration:
                    triggerType: Manual
                    replicaTimeout: 5
                    replicaRetryLimt: 1
                    scheduleTriggerConfig: {cronExpression: "* * * * *"}
                """);
        assertThat(loaded.warnings()).extracting(ProjectProblem::describe).containsExactlyInAnyOrder(
                "jobs/tidy.yaml:1 propertes: unknown field in the job; it is kept and ignored. Fix: if you meant "
                        + "`properties`, rename it; otherwise remove it if it is a typo.",
                "jobs/tidy.yaml:6 properties.configuration.replicaRetryLimt: unknown field in configuration; it is kept "
                        + "and ignored. Fix: if you meant `replicaRetryLimit`, rename it; otherwise remove it if it is a typo.",
                "jobs/tidy.yaml:7 properties.configuration.scheduleTriggerConfig: scheduleTriggerConfig is ignored: "
                        + "triggerType is Manual. Fix: remove it, or set `triggerType: Schedule`.");
    }

    @Test void load_missingTriggerTypeAndTimeout_errorsNameFieldAndFix() throws Exception {
        assertThat(errors(manualWith("replicaRetryLimit: 1"))).containsExactly(
                "jobs/bad.yaml:2 properties.configuration.triggerType: the job has no triggerType. Fix: add "
                        + "`triggerType: Manual`, `Schedule` or `Event`.",
                "jobs/bad.yaml:2 properties.configuration.replicaTimeout: the job has no replicaTimeout. Fix: add "
                        + "`replicaTimeout: 1800` (the most seconds a replica may run before it is stopped).");
    }

    @Test void load_noConfiguration_error() throws Exception {
        assertThat(errors("name: bad\n")).singleElement().asString()
                .contains("properties.configuration: the job has no configuration.");
    }

    @Test void load_badValues_eachAnErrorWithFieldAndFix() throws Exception {
        record Case(String configuration, String expected) {}
        var cases = List.of(
                new Case("triggerType: Cron\nreplicaTimeout: 5", "properties.configuration.triggerType: \"Cron\" is not a job trigger type."),
                new Case("triggerType: Manual\nreplicaTimeout: 0", "properties.configuration.replicaTimeout: the number 0 is not a whole number at least 1."),
                new Case("triggerType: Manual\nreplicaTimeout: \"5m\"", "replicaTimeout: the text \"5m\" is not a whole number"),
                new Case("triggerType: Manual\nreplicaTimeout: 5\nreplicaRetryLimit: -1", "replicaRetryLimit: the number -1 is not a whole number from 0 to 100."),
                new Case("triggerType: Manual\nreplicaTimeout: 5\nmanualTriggerConfig: {parallelism: 0}", "manualTriggerConfig.parallelism: the number 0"),
                new Case("triggerType: Manual\nreplicaTimeout: 5\nmanualTriggerConfig: {replicaCompletionCount: 1.5}", "manualTriggerConfig.replicaCompletionCount: the number 1.5"),
                new Case("triggerType: Manual\nreplicaTimeout: 5\nmanualTriggerConfig: 3", "manualTriggerConfig: expected a mapping of keys"),
                new Case("triggerType: Schedule\nreplicaTimeout: 5", "properties.configuration.scheduleTriggerConfig: a Schedule job needs a cronExpression."),
                new Case("triggerType: Schedule\nreplicaTimeout: 5\nscheduleTriggerConfig: {cronExpression: \"0 */5 * * * *\"}", "cronExpression: \"0 */5 * * * *\" has 6 fields; Container Apps job schedules have 5."),
                new Case("triggerType: Schedule\nreplicaTimeout: 5\nscheduleTriggerConfig: {cronExpression: \"61 * * * *\"}", "cronExpression: \"61 * * * *\" is not a valid cron expression"),
                new Case("triggerType: Event\nreplicaTimeout: 5", "eventTriggerConfig.scale: an Event job needs a scale with rules."),
                new Case("triggerType: Event\nreplicaTimeout: 5\neventTriggerConfig: {scale: {rules: []}}", "scale.rules: an Event job needs at least one scale rule, found a list."),
                new Case("triggerType: Event\nreplicaTimeout: 5\neventTriggerConfig: {scale: {rules: [{name: r, type: azure-servicebus, metadata: {queueName: q1}}]}}", "rules[0].type: \"azure-servicebus\" rules cannot run locally"),
                new Case("triggerType: Event\nreplicaTimeout: 5\neventTriggerConfig: {scale: {rules: [{name: r, type: azure-queue, metadata: {}}]}}", "rules[0].metadata.queueName: the rule names no queue."),
                new Case("triggerType: Event\nreplicaTimeout: 5\neventTriggerConfig: {scale: {rules: [{name: r, type: azure-queue, metadata: {queueName: Orders}}]}}", "queueName: \"Orders\" is not a valid queue name."),
                new Case("triggerType: Event\nreplicaTimeout: 5\neventTriggerConfig: {scale: {rules: [{name: r, type: azure-queue, metadata: {queueName: orders, queueLength: \"0\"}}]}}", "queueLength: the text \"0\" is not a queue length."),
                new Case("triggerType: Event\nreplicaTimeout: 5\neventTriggerConfig: {scale: {minExecutions: 4, maxExecutions: 2, rules: [{name: r, type: azure-queue, metadata: {queueName: orders}}]}}", "minExecutions: minExecutions (4) is greater than maxExecutions (2)."),
                new Case("triggerType: Event\nreplicaTimeout: 5\neventTriggerConfig: {scale: {pollingInterval: 0, rules: [{name: r, type: azure-queue, metadata: {queueName: orders}}]}}", "scale.pollingInterval: the number 0"));
        for (var c : cases) {
            assertThat(errors(manualWith(c.configuration()))).as(c.configuration()).anySatisfy(e ->
                    assertThat(e).startsWith("jobs/bad.yaml:").contains(c.expected()).contains(" Fix: "));
        }
    }

    @Test void load_badContainer_errorsForImageCommandArgsEnvAndMemory() throws Exception {
        var errors = errors("""
                properties:
                  configuration: {triggerType: Manual, replicaTimeout: 5}
                  template:
                    containers:
                      - image: "My Image"
                        command: "python3 batch.py"
                        args: [[1]]
                        env: [{value: x}]
                        resources: {memory: lots}
                """);
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("containers[0].image: \"My Image\" is not a valid image reference."))
                .anySatisfy(e -> assertThat(e).contains("containers[0].command: expected a list of strings, found the text"))
                .anySatisfy(e -> assertThat(e).contains("containers[0].args[0]: expected a string, found a list."))
                .anySatisfy(e -> assertThat(e).contains("containers[0].env[0].name: the variable has no valid name."))
                .anySatisfy(e -> assertThat(e).contains("containers[0].resources.memory: the text \"lots\" is not a memory size."));
    }

    @Test void load_badNames_errors() throws Exception {
        assertThat(errors("name: Bad_Name\n" + manualWith("triggerType: Manual\nreplicaTimeout: 5")))
                .anySatisfy(e -> assertThat(e).contains("name: \"Bad_Name\" is not a valid Container Apps job name."));
        Files.delete(dir.resolve("jobs/bad.yaml"));
        write("a.yaml", "name: same\n" + manualWith("triggerType: Manual\nreplicaTimeout: 5"));
        write("b.yaml", "name: same\n" + manualWith("triggerType: Manual\nreplicaTimeout: 5"));
        assertThatThrownBy(() -> new JobLoader().load(dir)).isInstanceOf(ProjectException.class)
                .hasMessageContaining("jobs/b.yaml name: the job name \"same\" is also used by jobs/a.yaml.");
    }

    @Test void load_dayAndWeekdayBothSet_warnsAboutMatchingBoth() throws Exception {
        var loaded = load("monthly.yaml", manualWith("""
                triggerType: Schedule
                replicaTimeout: 5
                scheduleTriggerConfig: {cronExpression: "0 0 1 * MON"}"""));
        assertThat(loaded.warnings()).singleElement().extracting(ProjectProblem::message).asString()
                .contains("both day-of-month and day-of-week are set");
        assertThat(loaded.jobs().getFirst().cron()).isEqualTo(Optional.of("0 0 1 * MON"));
    }

    @Test void load_syntaxError_errorWithLine() throws Exception {
        assertThat(errors("properties: [\n")).singleElement().asString().startsWith("jobs/bad.yaml");
    }
}
