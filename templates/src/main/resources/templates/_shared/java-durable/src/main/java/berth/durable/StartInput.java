package berth.durable;

import berth.functions.Request;

import java.util.Map;

/// The settings a starter reads from its request, each with a default: from the query string
/// (`?count=100`) or else from a JSON object body (`{"count": 100}`). A missing body or setting takes
/// the default; a malformed one is refused with an IllegalArgumentException that names it, which a
/// starter answers with 400. Immutable, thread-safe.
public final class StartInput {
    private final Request request;
    private final Map<?, ?> body;

    private StartInput(Request request, Map<?, ?> body) {
        this.request = request;
        this.body = body;
    }

    /// Reads the request's body; refuses one that is not a JSON object.
    public static StartInput of(Request request) {
        var json = request.json();
        if (json != null && !(json instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("The body is " + request.body().strip() + ", not a JSON object");
        }
        return new StartInput(request, json == null ? Map.of() : (Map<?, ?>) json);
    }

    /// A whole number from `min` to `max`; `fallback` when absent.
    public int number(String name, int fallback, int min, int max) {
        var value = value(name);
        if (value == null) return fallback;
        try {
            int number = Integer.parseInt(String.valueOf(value).strip());
            if (number >= min && number <= max) return number;
        } catch (NumberFormatException notWhole) {
            // Refused below, with the value that was sent.
        }
        throw new IllegalArgumentException(name + " is " + value + "; it must be a whole number from " + min
                + " to " + max);
    }

    /// A text; `fallback` when absent or blank.
    public String text(String name, String fallback) {
        var value = value(name);
        return value == null || String.valueOf(value).isBlank() ? fallback : String.valueOf(value);
    }

    private Object value(String name) {
        var query = request.query(name);
        return query.isPresent() ? query.get() : body.get(name);
    }
}
