package dev.berth.templates;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.berth.templates.GpuInferenceApp.HANDLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/// The gpu-inference app's GPU path on machines without a GPU: a fake `libcuda.so.1` (test resource
/// fake_libcuda.c, built here with the C compiler) takes the driver API calls the app makes through ctypes and
/// runs the dense kernel on the CPU with the parameters kernels.ptx declares. What a real GPU adds, the PTX
/// itself, is assembled by [GpuInferenceFilesTest]. The fake is as strict as the driver about the current
/// context (per thread) and live allocations, injects the faults its header lists, and reports at exit what
/// the process left retained and allocated. One instance; tests one at a time; not thread-safe.
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
        var report = reportFile();
        var env = driver(Map.of("BERTH_INFERENCE_DEVICE", "gpu", "FAKE_CUDA_REPORT", report.toString()));
        try (var gpu = HandlerProcess.start(HANDLER, project, env);
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
        // Blocking synchronisation: the driver does not spin a core while the GPU works.
        assertThat(Files.readString(report)).contains("retains=1 ").contains(" flags=4");
    }

    @Test
    void gpu_primaryContextAlreadyActive_keepsItsFlagsAndRunsOnTheDevice() throws Exception {
        var env = driver(Map.of("BERTH_INFERENCE_DEVICE", "gpu", "FAKE_CUDA_SET_FLAGS_ERROR", "708"));
        try (var gpu = HandlerProcess.start(HANDLER, project, env)) {
            assertThat(json(gpu.get("/api/classify?sample=4")).path("device").asText()).isEqualTo("cuda:0 Fake GPU");
        }
    }

    @ParameterizedTest(name = "{0} mode, CUresult {1}")
    @CsvSource({"auto, 700, an illegal memory access was encountered", "gpu, 719, fake driver error",
            "auto, 999, fake driver error"})
    void kernelFault_answers500NamingDeviceAndErrorThenExitsWith1SoTheReplicaRestarts(String mode, int result,
                                                                                      String words) throws Exception {
        var env = driver(Map.of("BERTH_INFERENCE_DEVICE", mode, "FAKE_CUDA_SYNC_ERROR", Integer.toString(result)));
        try (var gpu = HandlerProcess.start(HANDLER, project, env)) {
            var response = gpu.get("/api/classify?sample=5");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
            var body = HandlerProcess.JSON.readTree(response.body());
            assertThat(body.path("device").asText()).isEqualTo("cuda:0 Fake GPU");
            assertThat(body.path("error").asText()).contains("cuCtxSynchronize failed: " + words + " (CUresult " + result + ")");
            assertThat(response.headers().firstValue("Connection")).hasValue("close");
            assertThat(gpu.awaitExit(Duration.ofSeconds(15))).as(gpu.output()).isEqualTo(1);
            assertThat(gpu.output()).contains("the CUDA context on cuda:0 Fake GPU is unusable; exiting after this "
                    + "answer so that the replica restarts");
        }
    }

    @Test
    void gpu_outOfMemoryGrowingTheBuffers_failsThatBatchOnlyAndLeaksNothing() throws Exception {
        var report = reportFile();
        // Allocations 1-4 hold the weights, 5-6 the buffers for 3 images; growing them for 40, the 8th fails.
        var env = driver(Map.of("BERTH_INFERENCE_DEVICE", "gpu", "FAKE_CUDA_OOM_AT_ALLOC", "8",
                "FAKE_CUDA_REPORT", report.toString()));
        try (var gpu = HandlerProcess.start(HANDLER, project, env)) {
            json(gpu.get("/api/classify?sample=8&count=3"));
            var failed = gpu.get("/api/classify?sample=8&count=40");
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).contains("cuMemAlloc_v2 failed: out of memory (CUresult 2)", "cuda:0 Fake GPU");

            // The fake answers a copy into freed memory with an error: these prove fresh buffers are used.
            assertThat(json(gpu.get("/api/classify?sample=8&count=2")).path("predictions")).hasSize(2);
            assertThat(json(gpu.get("/api/classify?sample=8&count=40")).path("predictions")).hasSize(40);
        }
        assertThat(Files.readString(report)).contains(" live_allocations=6 ");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"FAKE_CUDA_MODULE_FAIL, 1, cuModuleLoadDataEx failed", // before any upload
            "FAKE_CUDA_OOM_AT_ALLOC, 3, cuMemAlloc_v2 failed: out of memory"}) // with two uploads made
    void auto_gpuStartFailsAfterTakingTheContext_fallsBackToTheCpuAndGivesTheGpuBack(String fault, String value,
                                                                                    String reason) throws Exception {
        var report = reportFile();
        var env = driver(Map.of(fault, value, "FAKE_CUDA_REPORT", report.toString()));
        try (var auto = HandlerProcess.start(HANDLER, project, env)) {
            assertThat(json(auto.get("/api/classify?sample=9")).path("device").asText()).isEqualTo("cpu");
            assertThat(auto.output()).contains("inference on cpu with the python backend (no usable GPU: " + reason);
        }
        assertThat(Files.readString(report)).startsWith("retains=1 releases=1 live_allocations=0 ");
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

    /// A file for the fake's exit report, empty until the handler exits.
    private Path reportFile() throws java.io.IOException {
        return Files.createTempFile(driverFolder, "report-", ".txt");
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
            throw new AssertionError("cannot run " + command.getFirst() + ", which builds the fake libcuda.so.1 ("
                    + e.getMessage() + "). Fix: install a C compiler (apt-get install gcc); scripts/test.sh does.", e);
        }
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return "exit " + process.exitValue() + "\n" + output;
    }
}
