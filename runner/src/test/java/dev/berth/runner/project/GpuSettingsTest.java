package dev.berth.runner.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// GPU workload profiles in containerapp.yaml and the Berth-only GPU settings in local.settings.json.
class GpuSettingsTest {
    @TempDir Path tmp;

    private ProjectFixture profile(String name) {
        return new ProjectFixture(tmp).write("containerapp.yaml", "name: infer\nproperties:\n  workloadProfileName: "
                + name + "\n");
    }

    private ProjectFixture settings(String values) {
        return new ProjectFixture(tmp).write("local.settings.json", "{\"Values\": {" + values + "}}");
    }

    @Test
    void gpuProfiles_giveTheirGpuCount_preferByDefault() {
        for (var entry : List.of("Consumption-GPU-NC24-A100=1", "Consumption-GPU-NC8as-T4=1", "NC24-A100=1",
                "NC48-A100=2", "NC96-A100=4", "NC8as-T4=1", "Dedicated-NC48-A100=2")) {
            var name = entry.substring(0, entry.indexOf('='));
            var gpu = profile(name).load().containerApp().gpu();
            assertThat(gpu.requested()).as(name).isTrue();
            assertThat(gpu.count()).as(name).isEqualTo(Integer.parseInt(entry.substring(entry.indexOf('=') + 1)));
            assertThat(gpu.mode()).isEqualTo(ContainerAppGpu.Mode.PREFER);
            assertThat(gpu.sharing()).isEqualTo(ContainerAppGpu.Sharing.SHARE);
            assertThat(gpu.source()).contains(name);
        }
    }

    @Test
    void cpuProfileOrNone_asksForNoGpu() {
        assertThat(profile("Consumption").load().containerApp().gpu()).isEqualTo(ContainerAppGpu.NONE);
        assertThat(profile("D4").load().containerApp().gpu()).isEqualTo(ContainerAppGpu.NONE);
        assertThat(new ProjectFixture(tmp).load().containerApp().gpu()).isEqualTo(ContainerAppGpu.NONE);
    }

    @Test
    void unknownGpuLookingProfile_oneGpuWithAWarning() {
        var app = profile("my-gpu-profile").load();

        assertThat(app.containerApp().gpu().count()).isEqualTo(1);
        assertThat(app.warnings()).anySatisfy(w -> {
            assertThat(w.field()).isEqualTo("properties.workloadProfileName");
            assertThat(w.fix()).contains("BERTH_GPU_COUNT");
        });
    }

    @Test
    void localSettings_overrideTheProfile() {
        profile("NC96-A100");
        var gpu = new ProjectFixture(tmp).write("local.settings.json", """
                {"Values": {"BERTH_GPU": "Require", "BERTH_GPU_DEVICES": "1, GPU-3f2a", "BERTH_GPU_SHARING": "split"}}
                """).load().containerApp().gpu();

        assertThat(gpu.mode()).isEqualTo(ContainerAppGpu.Mode.REQUIRE);
        assertThat(gpu.deviceIds()).containsExactly("1", "GPU-3f2a");
        assertThat(gpu.count()).isZero();
        assertThat(gpu.sharing()).isEqualTo(ContainerAppGpu.Sharing.SPLIT);
        assertThat(gpu.source()).contains("BERTH_GPU_DEVICES=1,GPU-3f2a");
    }

    @Test
    void countAll_andModeAlone() {
        assertThat(settings("\"BERTH_GPU_COUNT\": \"all\"").load().containerApp().gpu().count()).isEqualTo(-1);
        var alone = settings("\"BERTH_GPU\": \"require\"").load().containerApp().gpu();
        assertThat(alone.count()).isEqualTo(1);
        assertThat(alone.mode()).isEqualTo(ContainerAppGpu.Mode.REQUIRE);
    }

    @Test
    void off_winsOverTheProfile() {
        profile("NC24-A100");
        var gpu = new ProjectFixture(tmp).write("local.settings.json", "{\"Values\": {\"BERTH_GPU\": \"off\"}}")
                .load().containerApp().gpu();

        assertThat(gpu.requested()).isFalse();
    }

    @Test
    void badMode_namesFieldAndFix() {
        var error = settings("\"BERTH_GPU\": \"always\"").error();

        assertThat(error.file()).isEqualTo(Path.of("local.settings.json"));
        assertThat(error.field()).isEqualTo("Values.BERTH_GPU");
        assertThat(error.message()).contains("require, prefer, off");
        assertThat(error.fix()).contains("\"require\"");
    }

    @Test
    void badCounts_areErrors() {
        for (var value : List.of("0", "-2", "two", "65", "")) {
            var error = settings("\"BERTH_GPU_COUNT\": \"" + value + "\"").error();
            assertThat(error.field()).as(value).isEqualTo("Values.BERTH_GPU_COUNT");
            assertThat(error.fix()).contains("1 to 64").contains("all");
        }
    }

    @Test
    void badDeviceLists_areErrors() {
        for (var value : List.of("0,,1", "0,0", "gpu 1", ",")) {
            var error = settings("\"BERTH_GPU_DEVICES\": \"" + value + "\"").error();
            assertThat(error.field()).as(value).isEqualTo("Values.BERTH_GPU_DEVICES");
            assertThat(error.fix()).contains("nvidia-smi -L");
        }
    }

    @Test
    void countAndDevices_together_isAnError() {
        var error = settings("\"BERTH_GPU_COUNT\": \"2\", \"BERTH_GPU_DEVICES\": \"0,1\"").error();

        assertThat(error.field()).isEqualTo("Values.BERTH_GPU_COUNT");
        assertThat(error.message()).contains("not both");
    }

    @Test
    void badSharing_orSplitOfAll_areErrors() {
        assertThat(settings("\"BERTH_GPU_SHARING\": \"half\"").error().field()).isEqualTo("Values.BERTH_GPU_SHARING");
        var splitAll = settings("\"BERTH_GPU_COUNT\": \"all\", \"BERTH_GPU_SHARING\": \"split\"").error();
        assertThat(splitAll.field()).isEqualTo("Values.BERTH_GPU_SHARING");
        assertThat(splitAll.fix()).contains("BERTH_GPU_DEVICES");
    }
}
