package dev.berth.templates;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dev.berth.templates.GpuInferenceApp.HANDLER;
import static dev.berth.templates.HandlerProcess.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/// The scaffolded gpu-inference app served by the host's python3 on the CPU, standard library only as in the
/// image ([GpuInferenceApp#HANDLER]). One instance, one handler, tests one at a time; not thread-safe.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GpuInferenceTemplateTest {
    /// Not the seeds model/train.py trained (1) or validated (2) on: images the network never saw.
    private static final int TEST_SEED = 20261121;
    private static final int PER_DIGIT = 60;

    private Path project;
    private HandlerProcess handler;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        project = GpuInferenceApp.scaffold(dir);
        handler = HandlerProcess.start(HANDLER, project, Map.of("BERTH_INFERENCE_DEVICE", "cpu"));
    }

    @AfterAll
    void stop() throws Exception {
        if (handler != null) handler.close();
    }

    @Test
    void sample_eachDigit_isClassifiedAsThatDigitOnTheCpu() throws Exception {
        for (int digit = 0; digit <= 9; digit++) {
            var answer = okJson(handler.get("/api/classify?sample=" + digit + "&seed=7"));

            assertThat(answer.at("/predictions/0/digit").asInt()).as("digit %d", digit).isEqualTo(digit);
            assertThat(answer.at("/predictions/0/confidence").asDouble()).isBetween(0.5, 1.0);
            assertThat(answer.path("device").asText()).isEqualTo("cpu");
            assertThat(answer.path("backend").asText()).isEqualTo("python");
            assertThat(answer.path("batch").asInt()).isEqualTo(1);
            assertThat(answer.path("elapsedMs").asDouble()).isPositive();
        }
    }

    @Test
    void shippedWeights_onDigitsTheyNeverSaw_areAtLeastNinetyPercentRight() throws Exception {
        int right = 0;
        for (int digit = 0; digit <= 9; digit++) {
            var answer = okJson(handler.get("/api/classify?sample=" + digit + "&count=" + PER_DIGIT
                    + "&seed=" + (TEST_SEED + digit)));
            assertThat(answer.at("/sample/seed").asInt()).isEqualTo(TEST_SEED + digit);
            for (var prediction : answer.path("predictions")) if (prediction.path("digit").asInt() == digit) right++;
        }

        assertThat(right / (10.0 * PER_DIGIT)).as("%d of %d right", right, 10 * PER_DIGIT).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void post_batchOfImages_answersOnePredictionPerImageInOrder() throws Exception {
        var blank = Collections.nCopies(256, 0);
        var ink = Collections.nCopies(256, 1.0);
        var answer = okJson(handler.post("/api/classify", JSON.writeValueAsString(Map.of("images",
                List.of(blank, ink, blank)))));

        assertThat(answer.path("batch").asInt()).isEqualTo(3);
        assertThat(answer.path("predictions")).hasSize(3).allSatisfy(p -> {
            assertThat(p.path("digit").asInt()).isBetween(0, 9);
            assertThat(p.path("confidence").asDouble()).isBetween(0.1, 1.0);
        });
        assertThat(answer.at("/predictions/0")).isEqualTo(answer.at("/predictions/2"));
        assertThat(answer.path("device").asText()).isEqualTo("cpu");
    }

    @Test
    void invocation_throughTheCustomHandlerProtocol_answersJsonWithTheDevice() throws Exception {
        var answer = handler.invoke("classify", 200, "GET", Map.of(), Map.of("sample", "3", "seed", "1"));

        var res = answer.at("/Outputs/res");
        assertThat(res.path("statusCode").asInt()).isEqualTo(200);
        assertThat(res.at("/headers/X-Inference-Device").asText()).isEqualTo("cpu");
        assertThat(JSON.readTree(res.path("body").asText()).at("/predictions/0/digit").asInt()).isEqualTo(3);
        assertThat(answer.path("Logs")).extracting(JsonNode::asText)
                .singleElement().asString().startsWith("classified 1 image(s) on cpu (python)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON         | {\"images\": [           | not valid JSON           | send {\"images\"",
            "no images        | {\"pixels\": []}         | no \"images\" field       | send {\"images\"",
            "images no list   | {\"images\": 7}          | must be a list of images | 256 numbers",
            "empty batch      | {\"images\": []}         | \"images\" is empty       | at least one image",
            "image no list    | {\"images\": [\"x\"]}    | images[0] is a string    | a list of 256 numbers",
            "wrong length     | {\"images\": [[0, 1]]}   | images[0] has 2 values   | a list of 256 numbers",
            "NaN              | {\"images\": [[NaN]]}    | NaN is not a number      | send {\"images\"",
    })
    void post_badBody_answers400NamingTheFieldAndTheFix(String name, String body, String problem, String fix)
            throws Exception {
        assertBadRequest(handler.post("/api/classify", body), problem, fix);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "string pixel     | \"x\"  | images[1][5] is \"x\", not a number | from 0 (background) to 1 (ink)",
            "boolean pixel    | true   | images[1][5] is true, not a number  | from 0 (background) to 1 (ink)",
            "pixel above one  | 1.5    | images[1][5] is 1.5, out of range   | divide 0-255 values by 255",
            "negative pixel   | -2     | images[1][5] is -2, out of range    | divide 0-255 values by 255",
    })
    void post_badPixel_answers400NamingImageAndPosition(String name, String pixel, String problem, String fix)
            throws Exception {
        var good = "[" + String.join(",", Collections.nCopies(256, "0.5")) + "]";
        var bad = new ArrayList<>(Collections.nCopies(256, "0"));
        bad.set(5, pixel);
        var body = "{\"images\": [" + good + ", [" + String.join(",", bad) + "]]}";

        assertBadRequest(handler.post("/api/classify", body), problem, fix);
    }

    @Test
    void post_batchLargerThanTheLimit_answers400WithTheLimit() throws Exception {
        var body = "{\"images\": [" + String.join(",", Collections.nCopies(4097, "[]")) + "]}";

        assertBadRequest(handler.post("/api/classify", body), "\"images\" has 4097 images", "at most 4096 per request");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no sample        | /api/classify                   | GET needs ?sample=D      | POST {\"images\"",
            "sample too big   | /api/classify?sample=12         | \"sample\" is 12         | a digit from 0 to 9",
            "sample not digit | /api/classify?sample=seven      | \"sample\" is \"seven\"  | a digit from 0 to 9",
            "count zero       | /api/classify?sample=1&count=0  | \"count\" is 0           | from 1 to 4096",
            "count too big    | /api/classify?sample=1&count=5000 | \"count\" is 5000      | from 1 to 4096",
            "seed not number  | /api/classify?sample=1&seed=abc | \"seed\" is \"abc\"      | a whole number",
    })
    void get_badQuery_answers400NamingTheParameterAndTheFix(String name, String path, String problem, String fix)
            throws Exception {
        assertBadRequest(handler.get(path), problem, fix);
    }

    @Test
    void cpuBackends_sameImages_giveTheSameAnswers() throws Exception {
        // Without -S the handler uses numpy when the host has it; either way it must agree with plain Python.
        try (var other = HandlerProcess.start(List.of("python3", "-u", "handler.py"), project,
                Map.of("BERTH_INFERENCE_DEVICE", "cpu"))) {
            var path = "/api/classify?sample=8&count=20&seed=" + TEST_SEED;
            var plain = okJson(handler.get(path)).path("predictions");
            var maybeNumpy = okJson(other.get(path));

            assertThat(maybeNumpy.path("backend").asText()).isIn("numpy", "python");
            for (int i = 0; i < 20; i++) {
                assertThat(maybeNumpy.at("/predictions/" + i + "/digit")).isEqualTo(plain.at("/" + i + "/digit"));
                assertThat(maybeNumpy.at("/predictions/" + i + "/confidence").asDouble())
                        .isCloseTo(plain.at("/" + i + "/confidence").asDouble(), within(1e-3));
            }
        }
    }

    @Test
    void autoDevice_logsWhereItRunsAndWhy_andAnswersFromThatDevice() throws Exception {
        try (var auto = HandlerProcess.start(HANDLER, project, Map.of())) {
            var device = okJson(auto.get("/api/classify?sample=4")).path("device").asText();
            var startLine = auto.output().lines().filter(l -> l.startsWith("inference on ")).findFirst().orElseThrow();

            assertThat(startLine).startsWith("inference on " + device + " with the ");
            if (device.equals("cpu")) assertThat(startLine).contains("(no usable GPU: ").containsPattern("libcuda|cu[A-Z]");
            else assertThat(device).startsWith("cuda:0 ");
        }
    }

    @Test
    void forcedGpu_whereCudaIsUnusable_stopsAtStartNamingTheReasonAndTheFix() throws Exception {
        // On a machine with an NVIDIA driver this starts on the GPU instead, which the device then shows.
        var command = HANDLER;
        var gpu = Map.of("BERTH_INFERENCE_DEVICE", "gpu");
        if (libcudaLoads()) {
            try (var onGpu = HandlerProcess.start(command, project, gpu)) {
                assertThat(okJson(onGpu.get("/api/classify?sample=2")).path("device").asText()).startsWith("cuda:0 ");
            }
            return;
        }
        assertThatThrownBy(() -> HandlerProcess.start(command, project, gpu).close())
                .hasMessageContaining("handler exited with 1")
                .hasMessageContaining("BERTH_INFERENCE_DEVICE=gpu but CUDA is unusable: libcuda.so.1 cannot be loaded")
                .hasMessageContaining("set BERTH_INFERENCE_DEVICE to auto");
    }

    @Test
    void unknownDeviceSetting_stopsAtStartListingTheChoices() {
        assertThatThrownBy(() -> HandlerProcess.start(HANDLER, project,
                Map.of("BERTH_INFERENCE_DEVICE", "tpu")).close())
                .hasMessageContaining("BERTH_INFERENCE_DEVICE is \"tpu\", which is not one of auto, cpu, gpu");
    }

    private static boolean libcudaLoads() throws Exception {
        var probe = new ProcessBuilder("python3", "-c", "import ctypes; ctypes.CDLL('libcuda.so.1')")
                .redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        return probe.waitFor() == 0;
    }

    private JsonNode okJson(HttpResponse<String> response) throws Exception {
        return GpuInferenceApp.ok(response, "handler output:\n" + handler.output());
    }

    private static void assertBadRequest(HttpResponse<String> response, String problem, String fix) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Inference-Device")).hasValue("cpu");
        var answer = JSON.readTree(response.body());
        assertThat(answer.path("error").asText()).contains(problem).contains(fix);
        assertThat(answer.path("device").asText()).isEqualTo("cpu");
        assertThat(answer.path("backend").asText()).isEqualTo("python");
    }
}
