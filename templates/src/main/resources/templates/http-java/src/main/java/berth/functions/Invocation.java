package berth.functions;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// One registered function with what its `function.json` says (binding names, methods, route), and the
/// custom-handler payload mapping: `{"Data": {"req": …}}` in, `{"Outputs": {"res": …}, "Logs": […],
/// "ReturnValue": null}` out. Immutable, thread-safe.
final class Invocation {
    /// A request the host cannot serve; `status` says why (400 bad payload, 404 unknown function).
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /// What one call produced; `failed` when the function threw.
    record Outcome(Response response, List<String> logs, boolean failed) {}

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)(?::[^}?]*)?(\\?)?}");

    final String name;
    private final HttpFunction function;
    private final String triggerName;
    private final String outputName;
    private final Set<String> methods = new TreeSet<>();
    private final Pattern route;
    private final List<String> routeParams = new ArrayList<>();

    Invocation(String name, HttpFunction function, Path root) {
        this.name = name;
        this.function = function;
        var bindings = bindings(root, name + "/function.json");
        var trigger = bindings.stream().filter(b -> "httpTrigger".equals(b.get("type"))).findFirst().orElse(Map.of());
        var out = bindings.stream().filter(b -> "http".equals(b.get("type")) && "out".equals(b.get("direction")))
                .findFirst().orElse(Map.of());
        triggerName = String.valueOf(trigger.getOrDefault("name", "req"));
        outputName = String.valueOf(out.getOrDefault("name", "res"));
        if (trigger.get("methods") instanceof List<?> list) {
            list.forEach(m -> methods.add(String.valueOf(m).toUpperCase(Locale.ROOT)));
        }
        route = routePattern(String.valueOf(trigger.getOrDefault("route", name)));
    }

    /// Runs the function; its exceptions become a 500 answer with the stack trace in the logs.
    Outcome call(Request request) {
        var logs = new ArrayList<String>();
        try {
            var response = function.handle(request, logs::add);
            return new Outcome(response == null ? Response.noContent() : response, logs, false);
        } catch (Exception e) {
            var message = "Function '" + name + "' failed: " + e;
            logs.add(message);
            var trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            trace.toString().lines().forEach(logs::add);
            return new Outcome(Response.text(500, message), logs, true);
        }
    }

    Request request(Object payload) throws Refused {
        if (!(payload instanceof Map<?, ?> map) || !(map.get("Data") instanceof Map<?, ?> data)) {
            throw new Refused(400, "invocation payload must be a JSON object with a \"Data\" object");
        }
        var req = data.get(triggerName);
        if (req == null && data.size() == 1) req = data.values().iterator().next();
        if (!(req instanceof Map<?, ?> r)) {
            throw new Refused(400, "invocation payload has no HTTP request under Data." + triggerName);
        }
        var body = r.get("Body");
        return new Request(text(r.get("Method")), text(r.get("Url")), strings(r.get("Params")),
                strings(r.get("Query")), strings(r.get("Headers")),
                body == null || body instanceof String ? (String) body : Json.write(body));
    }

    Map<String, Object> answer(Outcome outcome) {
        var res = new LinkedHashMap<String, Object>();
        res.put("statusCode", outcome.response().status());
        res.put("body", outcome.response().body());
        res.put("headers", outcome.response().headers());
        var answer = new LinkedHashMap<String, Object>();
        answer.put("Outputs", Map.of(outputName, res));
        answer.put("Logs", outcome.logs());
        answer.put("ReturnValue", null);
        return answer;
    }

    /// The route parameters when `path` (after the route prefix) matches this function's route.
    Optional<Map<String, String>> match(String path) {
        Matcher m = route.matcher(path);
        if (!m.matches()) return Optional.empty();
        var params = new LinkedHashMap<String, String>();
        for (int i = 0; i < routeParams.size(); i++) {
            if (m.group(i + 1) != null) params.put(routeParams.get(i), m.group(i + 1));
        }
        return Optional.of(params);
    }

    boolean accepts(String method) { return methods.isEmpty() || methods.contains(method); }

    Set<String> methods() { return methods; }

    private Pattern routePattern(String template) {
        var regex = new StringBuilder("^");
        for (var segment : template.replaceAll("^/+|/+$", "").split("/")) {
            var param = PARAM.matcher(segment);
            if (param.matches()) {
                routeParams.add(param.group(1));
                regex.append(param.group(2) != null ? "(?:/([^/]+))?" : "/([^/]+)");
            } else {
                regex.append('/').append(Pattern.quote(segment));
            }
        }
        return Pattern.compile(regex.append("/?$").toString(), Pattern.CASE_INSENSITIVE);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> bindings(Path root, String functionJson) {
        var spec = appFile(root, functionJson);
        if (spec.orElse(null) instanceof Map<?, ?> map && map.get("bindings") instanceof List<?> list) {
            return (List<Map<String, Object>>) (List<?>) list.stream().filter(Map.class::isInstance).toList();
        }
        return List.of();
    }

    /// A JSON file of the app (host.json, <function>/function.json), parsed: from the app folder when
    /// it is there, else from the jar, where the pom packs them so the image needs only app.jar.
    static Optional<Object> appFile(Path root, String relative) {
        var file = root.resolve(relative);
        try {
            if (Files.isRegularFile(file)) return Optional.ofNullable(Json.parse(Files.readString(file)));
            try (var in = Invocation.class.getResourceAsStream("/" + relative)) {
                if (in == null) return Optional.empty();
                return Optional.ofNullable(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(relative + " cannot be read: " + e.getMessage()
                    + ". Fix the file; without it the defaults apply (bindings req/res, route prefix api).", e);
        }
    }

    private static String text(Object value) { return value == null ? null : String.valueOf(value); }

    /// Header values arrive as arrays (several values per name), query and params as strings.
    private static Map<String, String> strings(Object value) {
        var result = new LinkedHashMap<String, String>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (v instanceof List<?> list) {
                    result.put(String.valueOf(k), String.join(", ", list.stream().map(String::valueOf).toList()));
                } else if (v != null) {
                    result.put(String.valueOf(k), String.valueOf(v));
                }
            });
        }
        return result;
    }
}
