package dev.berth.templates;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.berth.templates.GpuInferenceApp.HANDLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/// The gpu-inference app's GPU path on machines without a GPU: a fake `libcuda.so.1` (test resource
/// fake_libcuda.c, built here with the C compiler) takes the driver API calls the app makes through ctypes and
/// runs the dense kernel on the CPU with the parameters kernels.ptx declares. What a real GPU adds, the PTX
/// itself, is assembled by [GpuInferenceFilesTest]. One instance; tests one at a time; not thread-safe.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GpuInferenceDriverTest {
    private Path project;
    private Path driverFolder;

    @BeforeAll
    void build(@TempDir Path dir) throws Exception {
        project = GpuInferenceApp.scaffold(dir);
        driverFolder = Files.createDirectory(dir.resolve("driver"));
        var source = dir.resolve("fake_libcuda.c");
        try (var in = getClass().getResourceAsStream("fake_libcuda.c")) {
            Files.copy(in, source);
        }
        var compile = run(List.of("cc", "-shared", "-fPIC", "-O1", "-o", driverFolder.resolve("libcuda.so.1").toString(),
                source.toString()));
        assertThat(compile).as("building the fake libcuda.so.1").startsWith("exit 0");
    }

    @Test
    void gpu_withDriver_answersFromTheDeviceAndAgreesWithTheCpu() throws Exception {
        try (var gpu = HandlerProcess.start(HANDLER, project, driver(Map.of("BERTH_INFERENCE_DEVICE", "gpu")));
             var cpu = HandlerProcess.start(HANDLER, project, Map.of("BERTH_INFERENCE_DEVICE", "cpu"))) {
            // 3, then 40 (the device buffers grow), then 2 (they are reused).
            for (var count : List.of(3, 40, 2)) {
                var path = "/api/classify?sample=6&count=" + count + "&seed=" + count;
                var onGpu = json(gpu.get(path));
                var onCpu = json(cpu.get(path)).path("predictions");

                assertThat(onGpu.path("device").asText()).isEqualTo("cuda:0 Fake GPU");
                assertThat(onGpu.path("backend").asText()).isEqualTo("cuda-driver-ptx");
                assertThat(onGpu.path("predictions")).hasSize(count);
                for (int i = 0; i < count; i++) {
                    assertThat(onGpu.at("/predictions/" + i + "/digit")).isEqualTo(onCpu.at("/" + i + "/digit"));
                    assertThat(onGpu.at("/predictions/" + i + "/confidence").asDouble())
                            .isCloseTo(onCpu.at("/" + i + "/confidence").asDouble(), within(1e-3));
                }
            }
            assertThat(gpu.output()).contains("inference on cuda:0 Fake GPU with the cuda-driver-ptx backend");
        }
    }

    @Test
    void auto_driverWithoutDevice_fallsBackToTheCpuLoggingTheDriversWords() throws Exception {
        var env = driver(Map.of("FAKE_CUDA_INIT_ERROR", "100"));
        try (var auto = HandlerProcess.start(HANDLER, project, env)) {
            assertThat(json(auto.get("/api/classify?sample=1")).path("device").asText()).isEqualTo("cpu");
            assertThat(auto.output()).contains("inference on cpu with the python backend (no usable GPU: cuInit failed: "
                    + "no CUDA-capable device is detected (CUresult 100))");
        }
    }

    @Test
    void gpu_driverWithoutDevice_stopsAtStartWithTheDriversWords() {
        var env = driver(Map.of("FAKE_CUDA_INIT_ERROR", "100", "BERTH_INFERENCE_DEVICE", "gpu"));

        assertThatThrownBy(() -> HandlerProcess.start(HANDLER, project, env).close())
                .hasMessageContaining("handler exited with 1")
                .hasMessageContaining("BERTH_INFERENCE_DEVICE=gpu but CUDA is unusable: cuInit failed: no CUDA-capable"
                        + " device is detected (CUresult 100)");
    }

    private Map<String, String> driver(Map<String, String> env) {
        var withDriver = new HashMap<>(env);
        withDriver.put("LD_LIBRARY_PATH", driverFolder.toString());
        return withDriver;
    }

    private static JsonNode json(java.net.http.HttpResponse<String> response) throws Exception {
        return GpuInferenceApp.ok(response, "");
    }

    /// Runs a command; "exit <code>" and its output.
    private static String run(List<String> command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no C compiler (`cc`) to build the fake libcuda.so.1: " + e.getMessage());
            throw e;
        }
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return "exit " + process.exitValue() + "\n" + output;
    }
}
