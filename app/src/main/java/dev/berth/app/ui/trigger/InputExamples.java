package dev.berth.app.ui.trigger;

import dev.berth.runner.project.FunctionDef;

/// A sensible first input for a manual run, by trigger type: an HTTP request description, a queue message,
/// a blob name, an Event Grid event, `{}` for timers. Stateless.
public final class InputExamples {
    private InputExamples() {}

    public static String forFunction(FunctionDef function) {
        var type = function.trigger().map(b -> b.type()).orElse("");
        return switch (type) {
            case "httpTrigger" -> {
                var trigger = function.httpTrigger();
                var method = trigger.filter(t -> !t.methods().isEmpty())
                        .map(t -> t.methods().contains("GET") ? "GET" : t.methods().iterator().next()).orElse("GET");
                var route = trigger.map(t -> t.route()).orElse(function.name());
                yield "{\"method\":\"" + method + "\",\"path\":\"" + route + "\",\"query\":{},\"body\":\"\"}";
            }
            case "queueTrigger" -> "{\"id\": 1, \"message\": \"hello from Berth\"}";
            case "blobTrigger" -> "\"" + TriggerGraphMapper.container(
                    String.valueOf(function.trigger().get().properties().getOrDefault("path", "container"))) + "/example.txt\"";
            case "eventGridTrigger" -> "{\"id\": \"1\", \"eventType\": \"Berth.Test\", \"subject\": \"/example\","
                    + " \"data\": {}, \"dataVersion\": \"1.0\"}";
            default -> "{}";
        };
    }
}
