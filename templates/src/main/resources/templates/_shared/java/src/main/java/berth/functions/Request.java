package berth.functions;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/// One HTTP request as a function sees it. Header names are case-insensitive. Immutable, thread-safe.
public record Request(String method, String url, Map<String, String> params, Map<String, String> query,
                      Map<String, String> headers, String body) {
    public Request {
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        url = url == null ? "" : url;
        params = Map.copyOf(params);
        query = Map.copyOf(query);
        var caseless = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(caseless);
        body = body == null ? "" : body;
    }

    /// A route parameter, such as `name` in `hello/{name?}`.
    public Optional<String> param(String name) { return Optional.ofNullable(params.get(name)); }

    /// A query-string parameter.
    public Optional<String> query(String name) { return Optional.ofNullable(query.get(name)); }

    /// A header, by case-insensitive name.
    public Optional<String> header(String name) { return Optional.ofNullable(headers.get(name)); }

    /// The body parsed as JSON (see {@link Json}); null when there is no body.
    public Object json() {
        if (body.isBlank()) return null;
        try {
            return Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("request body is not valid JSON: " + e.getMessage(), e);
        }
    }
}
