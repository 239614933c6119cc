package berth.functions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/// What a function's `function.json` says: its trigger binding (the one whose type ends in `Trigger`),
/// its HTTP output and the names of its output bindings. `declared` is false when there is no
/// function.json; the defaults then apply (an HTTP function with bindings `req`/`res`). Immutable.
record FunctionSpec(boolean declared, Map<String, Object> trigger, String httpOutput, List<String> outputs) {
    static FunctionSpec read(Path root, String name) {
        var file = name + "/function.json";
        if (!(appFile(root, file).orElse(null) instanceof Map<?, ?> spec)) {
            return new FunctionSpec(false, Map.of(), "res", List.of());
        }
        var bindings = spec.get("bindings") instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).map(b -> strings((Map<?, ?>) b)).toList()
                : List.<Map<String, Object>>of();
        var trigger = bindings.stream().filter(b -> kind(b).endsWith("trigger")).findFirst().orElse(Map.of());
        var http = bindings.stream().filter(b -> kind(b).equals("http") && direction(b).equals("out"))
                .findFirst().map(b -> String.valueOf(b.getOrDefault("name", "res"))).orElse("res");
        var outputs = new TreeSet<String>();
        bindings.stream().filter(b -> direction(b).equals("out") && !"$return".equals(b.get("name")))
                .forEach(b -> outputs.add(String.valueOf(b.get("name"))));
        return new FunctionSpec(true, trigger, http, List.copyOf(outputs));
    }

    /// The trigger binding's type as written (`queueTrigger`), `httpTrigger` when there is none.
    String triggerType() { return String.valueOf(trigger.getOrDefault("type", "httpTrigger")); }

    /// The trigger binding's name: its key under `Data` in the invocation payload.
    String triggerName() { return String.valueOf(trigger.getOrDefault("name", "req")); }

    boolean isHttp() { return triggerType().equalsIgnoreCase("httpTrigger"); }

    /// A JSON file of the app (host.json, <function>/function.json), parsed: from the app folder when
    /// it is there, else from the jar, where the pom packs them so the image needs only app.jar.
    static Optional<Object> appFile(Path root, String relative) {
        var file = root.resolve(relative);
        try {
            if (Files.isRegularFile(file)) return Optional.ofNullable(Json.parse(Files.readString(file)));
            try (var in = FunctionSpec.class.getResourceAsStream("/" + relative)) {
                if (in == null) return Optional.empty();
                return Optional.ofNullable(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(relative + " cannot be read: " + e.getMessage()
                    + ". Fix the file; without it the defaults apply (bindings req/res, route prefix api).", e);
        }
    }

    private static Map<String, Object> strings(Map<?, ?> binding) {
        var result = new java.util.LinkedHashMap<String, Object>();
        binding.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    // The Functions host matches binding types and directions ignoring case.
    private static String kind(Map<String, Object> binding) {
        return String.valueOf(binding.getOrDefault("type", "")).toLowerCase(Locale.ROOT);
    }

    private static String direction(Map<String, Object> binding) {
        return String.valueOf(binding.getOrDefault("direction", "")).toLowerCase(Locale.ROOT);
    }
}
