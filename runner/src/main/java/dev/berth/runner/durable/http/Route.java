package dev.berth.runner.durable.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/// One management route, parsed from the path under [ManagementUrls#PREFIX] with each segment percent-decoded
/// (an id may hold `/` as %2F). `allow` is what its Allow header says. Immutable.
sealed interface Route {
    String allow();

    /// `instances`: GET lists, DELETE purges by filter.
    record Instances() implements Route {
        public String allow() { return "GET, DELETE"; }
    }

    /// `instances/{id}`: GET status, DELETE purge.
    record Instance(String id) implements Route {
        public String allow() { return "GET, DELETE"; }
    }

    /// `instances/{id}/terminate|suspend|resume|rewind`.
    record Operation(String id, Op op) implements Route {
        public String allow() { return "POST"; }
    }

    /// `instances/{id}/raiseEvent/{event}`.
    record RaiseEvent(String id, String event) implements Route {
        public String allow() { return "POST"; }
    }

    /// `orchestrators/{name}[/{id}]`.
    record Start(String name, Optional<String> id) implements Route {
        public String allow() { return "POST"; }
    }

    enum Op {
        TERMINATE("terminate"), SUSPEND("suspend"), RESUME("resume"), REWIND("rewind");

        final String segment;

        Op(String segment) { this.segment = segment; }

        static Optional<Op> of(String segment) {
            return Arrays.stream(values()).filter(op -> op.segment.equals(segment)).findFirst();
        }
    }

    String ROUTES = "GET|DELETE instances, GET|DELETE instances/{id}, POST instances/{id}/raiseEvent/{eventName}, "
            + "POST instances/{id}/terminate|suspend|resume|rewind?reason=…, POST orchestrators/{name}[/{instanceId}]";

    /// The route of `rawPath` (the request's raw path, starting with the prefix), or a 404 naming the routes.
    static Route parse(String rawPath) throws HttpProblem {
        var rest = rawPath.startsWith(ManagementUrls.PREFIX) ? rawPath.substring(ManagementUrls.PREFIX.length()) : "";
        // A raw path of a java.net.URI has only well-formed escapes, so decoding cannot fail.
        var parts = Arrays.stream(rest.split("/", -1)).map(Route::decode).toList();
        if (!parts.isEmpty() && parts.getLast().isEmpty()) parts = parts.subList(0, parts.size() - 1);
        boolean blank = parts.stream().anyMatch(String::isEmpty);
        Route route = blank || parts.isEmpty() ? null : switch (parts.getFirst()) {
            case "instances" -> instanceRoute(parts);
            case "orchestrators" -> parts.size() == 2 ? new Start(parts.get(1), Optional.empty())
                    : parts.size() == 3 ? new Start(parts.get(1), Optional.of(parts.get(2))) : null;
            default -> null;
        };
        if (route == null) {
            throw new HttpProblem(404, "No durable management route " + rawPath + ". Routes under " + ManagementUrls.PREFIX
                    + ": " + ROUTES + ". Fix: percent-encode an id or name that holds '/' (%2F).");
        }
        return route;
    }

    private static Route instanceRoute(java.util.List<String> parts) {
        return switch (parts.size()) {
            case 1 -> new Instances();
            case 2 -> new Instance(parts.get(1));
            case 3 -> Op.of(parts.get(2)).map(op -> (Route) new Operation(parts.get(1), op)).orElse(null);
            case 4 -> parts.get(2).equals("raiseEvent") ? new RaiseEvent(parts.get(1), parts.get(3)) : null;
            default -> null;
        };
    }

    /// Percent-decoding of a path segment: '+' is itself here, not a space.
    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
