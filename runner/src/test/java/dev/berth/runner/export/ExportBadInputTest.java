package dev.berth.runner.export;

import dev.berth.runner.project.ProjectProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportBadInputTest {
    @TempDir Path dir;

    private ExportFixture withApp(String yaml) {
        return new ExportFixture(dir).write("containerapp.yaml", yaml);
    }

    /// An app named shop whose ingress has these traffic entries (one per line).
    private ExportFixture withTraffic(boolean multiple, String entries) {
        return withApp("name: shop\nproperties:\n  configuration:\n"
                + (multiple ? "    activeRevisionsMode: Multiple\n" : "")
                + "    ingress:\n      targetPort: 8080\n      traffic:\n" + entries.indent(8));
    }

    /// An app named shop with these scale rules.
    private ExportFixture withRules(String rules) {
        return withApp("name: shop\nproperties:\n  template:\n    scale:\n      rules:\n" + rules.indent(8));
    }

    private static ProjectProblem only(List<ProjectProblem> errors) {
        assertThat(errors).hasSize(1);
        return errors.getFirst();
    }

    @Test
    void export_weightsNotSummingTo100_namesFileFieldAndFix() {
        var fixture = withTraffic(true, """
                - {revisionName: shop--v1, weight: 70}
                - {latestRevision: true, weight: 20}
                """);

        for (boolean aca : List.of(true, false)) {
            var error = only(fixture.errors(aca));
            assertThat(error.file()).isEqualTo(Path.of("containerapp.yaml"));
            assertThat(error.field()).isEqualTo("properties.configuration.ingress.traffic");
            assertThat(error.message()).contains("add up to 90, not 100");
            assertThat(error.fix()).contains("add up to 100");
        }
    }

    @Test
    void export_unknownRuleType_namesTheRuleAndTheKnownTypes() {
        var error = only(withRules("""
                - name: kafka-lag
                  kafka:
                    metadata: {topic: orders}
                """).errors(false));

        assertThat(error.field()).isEqualTo("properties.template.scale.rules[0]");
        // The runner's own scale-rule reader may catch this first; either way the rule and the kinds are named.
        assertThat(error.message()).contains("\"kafka-lag\"");
        assertThat(error.describe()).contains("azureQueue").contains("tcp").contains("Fix:");
    }

    @Test
    void export_customRuleWithoutType_isRefused() {
        var error = only(withRules("""
                - name: nightly
                  custom:
                    metadata: {start: "0 8 * * *"}
                """).errors(true));

        assertThat(error.field()).isEqualTo("properties.template.scale.rules[0].custom.type");
        assertThat(error.fix()).contains("cron");
    }

    @Test
    void export_splitInSingleMode_asksForMultiple() {
        var error = only(withTraffic(false, """
                - {revisionName: shop--v1, weight: 50}
                - {latestRevision: true, weight: 50}
                """).errors(true));

        assertThat(error.message()).contains("activeRevisionsMode is Single");
        assertThat(error.fix()).contains("activeRevisionsMode: Multiple");
    }

    @Test
    void export_trafficEntryWithoutRevision_isRefused() {
        var error = only(withTraffic(false, "- {weight: 100}").errors(true));

        assertThat(error.field()).isEqualTo("properties.configuration.ingress.traffic[0]");
        assertThat(error.fix()).contains("latestRevision: true");
    }

    @Test
    void export_scheduleJobWithoutCron_namesTheJobFile() {
        var error = only(new ExportFixture(dir).write("jobs/nightly.yaml", """
                properties:
                  configuration:
                    triggerType: Schedule
                    replicaTimeout: 60
                """).errors(true));

        assertThat(error.file()).isEqualTo(Path.of("jobs", "nightly.yaml"));
        assertThat(error.field()).isEqualTo("properties.configuration.scheduleTriggerConfig.cronExpression");
        assertThat(error.fix()).contains("cronExpression: \"0 2 * * *\"");
    }

    @Test
    void export_jobFileThatIsNotYaml_namesTheFile() {
        var error = only(new ExportFixture(dir).write("jobs/broken.yaml", "properties: [unclosed\n").errors(false));

        assertThat(error.file()).isEqualTo(Path.of("jobs", "broken.yaml"));
        assertThat(error.message()).contains("not valid YAML");
    }

    @Test
    void export_tcpRuleInKubernetes_isLeftOutWithANote() {
        var export = withRules("""
                - name: conns
                  tcp:
                    metadata: {concurrentConnections: "50"}
                """).export(false);

        assertThat(export.notes()).anySatisfy(n -> {
            assertThat(n.field()).isEqualTo("properties.template.scale.rules (rule \"conns\")");
            assertThat(n.message()).contains("no TCP");
        });
    }

    @Test
    void export_gpuRule_isLeftOutOfBothWithANoteNamingTheKubernetesWay() {
        var rules = """
                - name: busy-gpu
                  custom:
                    type: gpu
                    metadata: {type: Utilization, value: "70"}
                """;
        for (boolean aca : new boolean[] {true, false}) {
            var export = withRules(rules).export(aca);

            assertThat(export.yaml()).as(aca ? "aca" : "k8s").doesNotContain("busy-gpu");
            assertThat(export.notes()).anySatisfy(n -> {
                assertThat(n.field()).isEqualTo("properties.template.scale.rules[0].custom.type");
                assertThat(n.message()).contains("\"busy-gpu\"").contains("left out");
                assertThat(n.fix()).contains("DCGM_FI_DEV_GPU_UTIL");
            });
        }
    }
}
