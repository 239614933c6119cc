package dev.berth.templates;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.berth.templates.HandlerProcess.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/// What the scaffolded gpu-inference app ships: the model files, the GPU profile and scale rule, and a PTX
/// kernel that NVIDIA's assembler accepts for the GPUs the profiles have (T4: sm_75, H100: sm_90).
class GpuInferenceFilesTest {
    private static final long MAX_WEIGHTS_BYTES = 150 * 1024;

    @TempDir Path dir;
    private Path project;

    @BeforeEach
    void scaffold() throws IOException {
        project = GpuInferenceApp.scaffold(dir);
    }

    @Test
    void weights_areCopiedByteForByteAndMatchTheirHeader() throws IOException {
        var shipped = Files.readAllBytes(project.resolve("model/weights.bin"));
        byte[] resource;
        try (var in = getClass().getResourceAsStream("/templates/gpu-inference/model/weights.bin")) {
            resource = in.readAllBytes();
        }
        JsonNode header = JSON.readTree(project.resolve("model/weights.json").toFile());

        assertThat(shipped).isEqualTo(resource);
        assertThat(shipped.length).isEqualTo(header.path("bytes").asInt()).isLessThanOrEqualTo((int) MAX_WEIGHTS_BYTES);
        assertThat(header.at("/layers/0/inputs").asInt()).isEqualTo(256);
        assertThat(header.at("/layers/1/outputs").asInt()).isEqualTo(10);
        assertThat(header.at("/training/script").asText()).isEqualTo("model/train.py");
        assertThat(project.resolve("model/train.py")).content().contains("TRAIN_SEED").contains("weights.bin");
    }

    @Test
    void containerApp_asksForOneT4PerReplicaAndScalesOnRequests() throws IOException {
        var app = ScaffolderTest.assertContainerContract(project, "digits");

        assertThat(app.at("/properties/workloadProfileName").asText()).isEqualTo("Consumption-GPU-NC8as-T4");
        var rules = app.at("/properties/template/scale/rules");
        assertThat(rules).singleElement().satisfies(rule ->
                assertThat(rule.at("/http/metadata/concurrentRequests").asText()).isEqualTo("4"));
        assertThat(app.at("/properties/template/scale/maxReplicas").asInt()).isBetween(2, 10);
        JsonNode settings = JSON.readTree(project.resolve("local.settings.json").toFile());
        assertThat(settings.at("/Values/BERTH_INFERENCE_DEVICE").asText()).isEqualTo("auto");
        assertThat(settings.at("/Values/BERTH_GPU").asText()).isEqualTo("prefer");
    }

    @Test
    void classify_isAnHttpFunctionForGetAndPost() throws IOException {
        var trigger = JSON.readTree(project.resolve("classify/function.json").toFile()).at("/bindings/0");

        assertThat(trigger.path("type").asText()).isEqualTo("httpTrigger");
        assertThat(trigger.path("route").asText()).isEqualTo("classify");
        assertThat(trigger.path("methods").valueStream().map(JsonNode::asText)).containsExactly("get", "post");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sm_75", "sm_90"})
    void kernels_assembleWithPtxasWithoutErrorsOrWarnings(String arch) throws Exception {
        var ptxas = ptxas();
        assumeTrue(ptxas.isPresent(), "ptxas (CUDA toolkit) is not installed: neither on PATH nor in "
                + "$CUDA_HOME/bin or /usr/local/cuda/bin");
        var cubin = dir.resolve("kernels-" + arch + ".cubin");
        var process = new ProcessBuilder(ptxas.get().toString(), "-arch=" + arch, "-v",
                project.resolve("model/kernels.ptx").toString(), "-o", cubin.toString())
                .redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ptxas finished").isTrue();

        assertThat(process.exitValue()).as("ptxas exit code; output:\n%s", output).isZero();
        assertThat(output).doesNotContainIgnoringCase("error").doesNotContainIgnoringCase("warning")
                .contains("Compiling entry function 'dense' for '" + arch + "'");
        assertThat(Files.size(cubin)).isPositive();
    }

    /// ptxas from PATH, `$CUDA_HOME/bin` or the toolkit's default folder.
    private static Optional<Path> ptxas() {
        var folders = Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                Stream.of(System.getenv().getOrDefault("CUDA_HOME", "/usr/local/cuda") + "/bin", "/usr/local/cuda/bin"));
        return folders.filter(f -> !f.isBlank()).map(f -> Path.of(f, "ptxas")).filter(Files::isExecutable).findFirst();
    }

    @Test
    void dockerImage_getsTheModelButNotLocalSettings() throws IOException {
        List<String> ignored = Files.readAllLines(project.resolve(".dockerignore"));

        assertThat(ignored).contains("local.settings.json").doesNotContain("model/", "model", "*.bin");
    }
}
