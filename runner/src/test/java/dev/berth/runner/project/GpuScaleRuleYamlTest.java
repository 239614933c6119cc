package dev.berth.runner.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GpuScaleRuleYamlTest {
    @TempDir Path tmp;

    private ProjectFixture app(String profile, String metadata) {
        return new ProjectFixture(tmp).write("containerapp.yaml", "name: infer\nproperties:\n" + profile
                + "  template:\n    scale:\n      rules:\n        - name: busy-gpu\n          custom:\n"
                + "            type: gpu\n            metadata:\n" + metadata.indent(14));
    }

    private static final String T4 = "  workloadProfileName: Consumption-GPU-NC8as-T4\n";

    @Test
    void gpuUtilizationRule_isReadAsAGpuTarget() {
        var loaded = app(T4, "type: Utilization\nvalue: \"70\"").load();

        assertThat(loaded.containerApp().scale().rules()).containsExactly(
                new ContainerAppScale.Utilization("busy-gpu", ContainerAppScale.Resource.GPU, 70));
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void gpuRuleAbove100_isRefusedWithTheRange() {
        var error = app(T4, "type: Utilization\nvalue: \"150\"").error();

        assertThat(error.field()).isEqualTo("properties.template.scale.rules[0].custom.metadata.value");
        assertThat(error.message()).contains("never more than 100 %");
        assertThat(error.fix()).contains("from 1 to 100");
    }

    @Test
    void gpuRuleAsAverageValue_isRefusedNamingUtilization() {
        var error = app(T4, "type: AverageValue\nvalue: \"70\"").error();

        assertThat(error.field()).isEqualTo("properties.template.scale.rules[0].custom.metadata.type");
        assertThat(error.message()).contains("gpu as Utilization only").contains("AverageValue");
        assertThat(error.fix()).contains("percent of the replica's GPUs");
    }

    @Test
    void gpuRuleWithoutValue_isRefused() {
        var error = app(T4, "type: Utilization").error();

        assertThat(error.field()).isEqualTo("properties.template.scale.rules[0].custom.metadata.value");
        assertThat(error.fix()).contains("value: \"70\"");
    }

    @Test
    void gpuRuleNotANumber_isRefused() {
        var error = app(T4, "type: Utilization\nvalue: high").error();

        assertThat(error.field()).isEqualTo("properties.template.scale.rules[0].custom.metadata.value");
        assertThat(error.message()).contains("not a whole number");
    }

    @Test
    void gpuRuleInAnAppWithoutGpu_warnsThatItNeverScales() {
        var loaded = app("", "type: Utilization\nvalue: \"70\"").load();

        assertThat(loaded.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("properties.template.scale.rules");
            assertThat(w.message()).contains("\"busy-gpu\"").contains("get no GPU");
            assertThat(w.fix()).contains("workloadProfileName");
        });
    }

    @Test
    void gpuRuleWithGpuTurnedOffLocally_warnsToo() {
        var loaded = app(T4, "type: Utilization\nvalue: \"70\"")
                .write("local.settings.json", "{\"Values\": {\"BERTH_GPU\": \"off\"}}").load();

        assertThat(loaded.warnings()).anySatisfy(w -> assertThat(w.message()).contains("get no GPU"));
    }
}
