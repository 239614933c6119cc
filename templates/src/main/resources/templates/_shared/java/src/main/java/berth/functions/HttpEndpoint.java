package berth.functions;

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

/// An HTTP-triggered function with what its `function.json` says (binding names, methods, route), and the
/// custom-handler payload mapping: `{"Data": {"req": …}}` in, `{"Outputs": {"res": …}, "Logs": […],
/// "ReturnValue": null}` out. Immutable, thread-safe.
final class HttpEndpoint implements Endpoint {
    /// What one call produced; `failed` when the function threw.
    record Outcome(Response response, List<String> logs, boolean failed) {}

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)(?::[^}?]*)?(\\?)?}");

    private final String name;
    private final HttpFunction function;
    private final String triggerName;
    private final String outputName;
    private final Set<String> methods = new TreeSet<>();
    private final Pattern route;
    private final List<String> routeParams = new ArrayList<>();

    HttpEndpoint(String name, HttpFunction function, FunctionSpec spec) {
        this.name = name;
        this.function = function;
        triggerName = spec.triggerName();
        outputName = spec.httpOutput();
        if (spec.trigger().get("methods") instanceof List<?> list) {
            list.forEach(m -> methods.add(String.valueOf(m).toUpperCase(Locale.ROOT)));
        }
        route = routePattern(String.valueOf(spec.trigger().getOrDefault("route", name)));
    }

    @Override
    public String name() { return name; }

    @Override
    public Answer invoke(Map<?, ?> data, Map<String, Object> metadata) throws Refused {
        var outcome = call(request(data));
        // A function that threw fails the invocation, as in Azure; the answer still carries its logs.
        return new Answer(outcome.failed() ? 500 : 200, answer(outcome));
    }

    /// Runs the function; its exceptions become a 500 answer with the stack trace in the logs.
    Outcome call(Request request) {
        var logs = new ArrayList<String>();
        try {
            var response = function.handle(request, logs::add);
            return new Outcome(response == null ? Response.noContent() : response, logs, false);
        } catch (Exception e) {
            return new Outcome(Response.text(500, Endpoint.failure(name, e, logs)), logs, true);
        }
    }

    private Request request(Map<?, ?> data) throws Refused {
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

    private Map<String, Object> answer(Outcome outcome) {
        var res = new LinkedHashMap<String, Object>();
        res.put("statusCode", outcome.response().status());
        res.put("body", outcome.response().body());
        res.put("headers", outcome.response().headers());
        // An HTTP output named $return is the function's return value, as the Functions host reads it.
        if (outputName.equals("$return")) return Endpoint.answer(Map.of(), outcome.logs(), res);
        return Endpoint.answer(Map.of(outputName, res), outcome.logs(), null);
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
