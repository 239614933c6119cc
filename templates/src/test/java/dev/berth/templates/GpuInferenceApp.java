package dev.berth.templates;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// What the gpu-inference tests share: the scaffolded app and how its handler is started. Stateless.
final class GpuInferenceApp {
    /// The handler as the image runs it, with `-S` hiding site-packages: the standard library only, as in
    /// the image, so numpy on the test machine does not change the CPU backend.
    static final List<String> HANDLER = List.of("python3", "-S", "-u", "handler.py");

    private GpuInferenceApp() {}

    /// The template scaffolded as app "digits" into `dir`/app.
    static Path scaffold(Path dir) throws IOException {
        return new Scaffolder().scaffold(TemplateCatalog.builtIn().find("gpu-inference").orElseThrow(),
                dir.resolve("app"), "digits");
    }

    /// The body of a 200 answer, parsed; `context` (the handler's output) explains any other status.
    static JsonNode ok(HttpResponse<String> response, String context) throws IOException {
        assertThat(response.statusCode()).as("status; body %s\n%s", response.body(), context).isEqualTo(200);
        return HandlerProcess.JSON.readTree(response.body());
    }
}
