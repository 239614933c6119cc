package dev.berth.app.ui.trigger;

import dev.berth.runner.project.AuthLevel;
import dev.berth.runner.project.Binding;
import dev.berth.runner.project.ContainerAppSpec;
import dev.berth.runner.project.FunctionApp;
import dev.berth.runner.project.FunctionDef;
import dev.berth.runner.project.HostConfig;
import dev.berth.runner.project.HttpTrigger;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// Hand-built function apps for trigger tests: an order pipeline with every trigger kind.
public final class Apps {
    private static final Path DIR = Path.of("/projects/shop");

    private Apps() {}

    public static FunctionApp orderPipeline() {
        return new FunctionApp(DIR, new HostConfig("2.0", Optional.empty(), false, "api", "handler"), List.of(
                function("orders", Optional.of(new HttpTrigger("orders", Set.of("POST", "GET"), AuthLevel.values()[0])),
                        binding("httpTrigger", "in", "req", Map.of("route", "orders")),
                        binding("http", "out", "res", Map.of()),
                        binding("queue", "out", "order", Map.of("queueName", "orders"))),
                function("process", Optional.empty(),
                        binding("queueTrigger", "in", "order", Map.of("queueName", "orders")),
                        binding("blob", "out", "receipt", Map.of("path", "receipts/{rand-guid}.json"))),
                function("notify", Optional.empty(), binding("eventGridTrigger", "in", "event", Map.of())),
                function("thumbnail", Optional.empty(),
                        binding("blobTrigger", "in", "image", Map.of("path", "images/{name}"))),
                function("tick", Optional.empty(),
                        binding("timerTrigger", "in", "timer", Map.of("schedule", "0 */5 * * * *")))),
                Map.of(), new ContainerAppSpec("shop", 8080, 1, 1, 0.5, 512L << 20, Map.of(), Optional.empty()), List.of());
    }

    static FunctionDef function(String name, Optional<HttpTrigger> http, Binding... bindings) {
        return new FunctionDef(name, DIR.resolve(name).resolve("function.json"), List.of(bindings), http);
    }

    static Binding binding(String type, String direction, String name, Map<String, Object> properties) {
        return new Binding(type, direction, name, properties);
    }
}
