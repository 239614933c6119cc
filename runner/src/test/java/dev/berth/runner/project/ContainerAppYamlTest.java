package dev.berth.runner.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerAppYamlTest {
    @TempDir Path tmp;

    private ProjectFixture withYaml(String yaml) {
        return new ProjectFixture(tmp).write("containerapp.yaml", yaml);
    }

    @Test
    void fullFile_givesPortResourcesEnvReadinessAndScale() {
        var spec = new ProjectFixture(tmp).load().containerApp();

        assertThat(spec.name()).isEqualTo("shop-api");
        assertThat(spec.targetPort()).isEqualTo(8081);
        assertThat(spec.cpu()).isEqualTo(0.25);
        assertThat(spec.memoryBytes()).isEqualTo(512L << 20);
        assertThat(spec.env()).isEqualTo(Map.of("MODE", "local"));
        assertThat(spec.readiness()).contains(new ContainerAppSpec.Probe("http", "/healthz", 8081, 5, 1, 4));
        assertThat(spec.minReplicas()).isZero();
        assertThat(spec.maxReplicas()).isEqualTo(3);
    }

    @Test
    void badYaml_namesLineColumnAndFix() {
        var error = withYaml("""
                name: shop
                properties:
                  template:
                    scale:
                      minReplicas: 1
                     maxReplicas: 2
                """).error();

        assertThat(error.file()).isEqualTo(Path.of("containerapp.yaml"));
        assertThat(error.line()).isEqualTo(6);
        assertThat(error.message()).startsWith("invalid YAML (column 6)").contains("indentation");
        assertThat(error.fix()).contains("same number of spaces");
    }

    @Test
    void tabIndentation_saysToUseSpaces() {
        var error = withYaml("name: shop\nproperties:\n\ttemplate: {}\n").error();

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.fix()).contains("spaces");
    }

    @Test
    void emptyFile_usesDefaultsWithAWarning() {
        var app = withYaml("# nothing yet\n").load();

        assertThat(app.containerApp().targetPort()).isEqualTo(8080);
        assertThat(app.warnings()).singleElement().extracting(ProjectProblem::message).asString().contains("empty");
    }

    @Test
    void badMemory_namesFieldAndUnitExamples() {
        var error = withYaml("""
                properties:
                  template:
                    containers:
                      - name: app
                        resources:
                          memory: 1GB
                """).error();

        assertThat(error.describe()).startsWith("containerapp.yaml:6 properties.template.containers[0].resources.memory:")
                .contains("\"1GB\" is not a memory size").contains("\"1.5Gi\"");
    }

    @Test
    void memoryQuantities_areBinaryUnits() {
        assertThat(Memory.parse("1.5Gi")).contains(3L << 29);
        assertThat(Memory.parse("0.5Gi")).contains(512L << 20);
        assertThat(Memory.parse("256Mi")).contains(256L << 20);
        assertThat(Memory.parse("1024")).contains(1024L);
        assertThat(Memory.parse("1G")).isEmpty();
        assertThat(Memory.parse("-1Gi")).isEmpty();
    }

    @Test
    void badCpu_isAnError() {
        var error = withYaml("""
                properties:
                  template:
                    containers:
                      - resources:
                          cpu: half
                """).error();

        assertThat(error.field()).isEqualTo("properties.template.containers[0].resources.cpu");
        assertThat(error.fix()).contains("cpu: 0.5");
    }

    @Test
    void minReplicasAboveMax_isAnErrorWithTheRule() {
        var error = withYaml("""
                properties:
                  template:
                    scale:
                      minReplicas: 5
                      maxReplicas: 2
                """).error();

        assertThat(error.line()).isEqualTo(4);
        assertThat(error.field()).isEqualTo("properties.template.scale.minReplicas");
        assertThat(error.message()).contains("minReplicas (5) is greater than maxReplicas (2)");
        assertThat(error.fix()).contains("0 ≤ minReplicas ≤ maxReplicas");
    }

    @Test
    void maxReplicasZero_isAnError() {
        var error = withYaml("properties:\n  template:\n    scale:\n      maxReplicas: 0\n").error();

        assertThat(error.field()).isEqualTo("properties.template.scale.maxReplicas");
        assertThat(error.message()).contains("at least 1");
    }

    @Test
    void onlyMinReplicasAboveDefaultMax_raisesMax() {
        var spec = withYaml("properties:\n  template:\n    scale:\n      minReplicas: 12\n").load().containerApp();

        assertThat(spec.minReplicas()).isEqualTo(12);
        assertThat(spec.maxReplicas()).isEqualTo(12);
    }

    @Test
    void badAppName_isAnErrorWithTheRulesAndASuggestion() {
        var error = withYaml("name: My_App--\n").error();

        assertThat(error.describe()).startsWith("containerapp.yaml:1 name: \"My_App--\" is not a valid Container Apps name")
                .contains("lowercase letters").contains("e.g. \"my-app\"");
    }

    @Test
    void appNames_followContainerAppsRules() {
        assertThat(ContainerAppReader.isValidName("ab")).isTrue();
        assertThat(ContainerAppReader.isValidName("shop-api-2")).isTrue();
        assertThat(ContainerAppReader.isValidName("a")).isFalse();
        assertThat(ContainerAppReader.isValidName("2shop")).isFalse();
        assertThat(ContainerAppReader.isValidName("shop-")).isFalse();
        assertThat(ContainerAppReader.isValidName("shop--api")).isFalse();
        assertThat(ContainerAppReader.isValidName("a".repeat(33))).isFalse();
    }

    @Test
    void noYamlAndFolderNameInvalid_derivesANameWithAWarning() {
        var fixture = new ProjectFixture(tmp.resolve("My_Project")).delete("containerapp.yaml");
        // the fixture puts the project in <parent>/shop; use a folder whose name is no valid app name
        var renamed = fixture.dir.resolveSibling("My_Project");
        assertThat(fixture.dir.toFile().renameTo(renamed.toFile())).isTrue();

        var app = load(renamed);

        assertThat(app.containerApp().name()).isEqualTo("my-project");
        assertThat(app.warnings()).singleElement().satisfies(w -> assertThat(w.fix()).contains("name: my-project"));
    }

    @Test
    void badTargetPort_isAnError() {
        var error = withYaml("""
                properties:
                  configuration:
                    ingress:
                      targetPort: 70000
                """).error();

        assertThat(error.describe()).startsWith("containerapp.yaml:4 properties.configuration.ingress.targetPort:")
                .contains("from 1 to 65535");
    }

    @Test
    void secretRefEnv_isAWarningAndLeftOut() {
        var app = withYaml("""
                properties:
                  template:
                    containers:
                      - name: app
                        env:
                          - name: PLAIN
                            value: "1"
                          - name: TOKEN
                            secretRef: api-token
                """).load();

        assertThat(app.containerApp().env()).isEqualTo(Map.of("PLAIN", "1"));
        assertThat(app.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("properties.template.containers[0].env[1].secretRef");
            assertThat(w.message()).contains("not resolved locally");
            assertThat(w.fix()).contains("local.settings.json");
        });
    }

    @Test
    void tcpReadinessProbe_defaultsToTheTargetPort() {
        var spec = withYaml("""
                properties:
                  template:
                    containers:
                      - probes:
                          - type: readiness
                            tcpSocket: {}
                """).load().containerApp();

        assertThat(spec.readiness()).contains(new ContainerAppSpec.Probe("tcp", "", 8080, 10, 0, 3));
    }

    @Test
    void probeWithoutAction_isAnError() {
        var error = withYaml("""
                properties:
                  template:
                    containers:
                      - probes:
                          - type: Readiness
                            periodSeconds: 5
                """).error();

        assertThat(error.field()).isEqualTo("properties.template.containers[0].probes[0]");
        assertThat(error.message()).contains("exactly one of httpGet and tcpSocket");
    }

    @Test
    void unknownFields_warnOnlyWhenTheyAreNotAzureFields() {
        var app = withYaml("""
                name: shop
                location: westeurope
                tags: {team: a}
                properties:
                  managedEnvironmentId: /subscriptions/x
                  configuration:
                    activeRevisionsMode: Multiple
                    secrets: []
                    ingress:
                      traffic: []
                      targetport: 9000
                  template:
                    revisionSuffix: v2
                    scale:
                      rules: []
                  berthExtra: 1
                """).load();

        assertThat(app.warnings()).extracting(ProjectProblem::field)
                .containsExactly("properties.configuration.ingress.targetport", "properties.berthExtra");
        assertThat(app.warnings().getFirst().fix()).contains("`targetPort`");
        assertThat(app.containerApp().targetPort()).isEqualTo(8080);
    }

    private static FunctionApp load(Path dir) {
        try {
            return new ProjectLoader().load(dir);
        } catch (ProjectException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
