package dev.berth.runner.project;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/// A function.json `route` template such as `products/{category:alpha}/{id:int?}`, read as ASP.NET Core
/// (and so Azure Functions) reads it: literal segments match ignoring case; `{name}` takes one segment;
/// `{name?}` and `{name=default}` may be left out (last segment only); `{*rest}` takes the rest of the path;
/// constraints are listed in [RouteConstraint]. A segment is either text or one parameter: complex segments
/// such as `{name}.{ext}` are refused with a message. Immutable, thread-safe.
public final class RouteTemplate {
    private final String text;
    private final List<Segment> segments;

    private sealed interface Segment permits Literal, Parameter {}

    private record Literal(String text) implements Segment {}

    private record Parameter(String name, List<RouteConstraint> constraints, boolean optional, String defaultValue,
                             boolean catchAll) implements Segment {
        boolean accepts(String value) { return constraints.stream().allMatch(c -> c.test(value)); }

        boolean mayBeAbsent() { return optional || defaultValue != null || catchAll; }
    }

    private RouteTemplate(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /// Parses `route`; leading and trailing slashes are ignored.
    /// @throws IllegalArgumentException naming what is wrong, for a template Azure would refuse too
    public static RouteTemplate parse(String route) {
        if (route == null) throw new IllegalArgumentException("the route is missing");
        var trimmed = trimSlashes(route.strip());
        var segments = new ArrayList<Segment>();
        var names = new HashSet<String>();
        var parts = trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            var segment = segment(route, parts[i], i == parts.length - 1);
            if (segment instanceof Parameter p && !names.add(p.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("route '" + route + "' uses the parameter name '" + p.name()
                        + "' twice; each parameter needs its own name");
            }
            segments.add(segment);
        }
        return new RouteTemplate(trimmed, segments);
    }

    private static Segment segment(String route, String part, boolean last) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("route '" + route + "' has an empty segment ('//'); remove the extra '/'");
        }
        long open = part.chars().filter(c -> c == '{').count();
        long close = part.chars().filter(c -> c == '}').count();
        if (open != close) {
            throw new IllegalArgumentException("route '" + route + "' has unbalanced braces in '" + part
                    + "'; every '{' needs a '}'");
        }
        if (open == 0) {
            if (part.contains("?")) {
                throw new IllegalArgumentException("route '" + route + "' contains '?' in '" + part
                        + "'; a query string is not part of a route, and optional parameters are written {name?}");
            }
            return new Literal(part);
        }
        if (open > 1 || !part.startsWith("{") || !part.endsWith("}")) {
            throw new IllegalArgumentException("route '" + route + "' mixes text and parameters in the segment '" + part
                    + "'; Berth supports a parameter only as a whole segment between '/' (e.g. 'files/{name}')");
        }
        return parameter(route, part.substring(1, part.length() - 1), last);
    }

    private static Parameter parameter(String route, String inner, boolean last) {
        var body = inner.strip();
        boolean catchAll = body.startsWith("*");
        if (catchAll) body = body.startsWith("**") ? body.substring(2) : body.substring(1);
        String defaultValue = null;
        int equals = indexOutsideParentheses(body, '=');
        if (equals >= 0) {
            defaultValue = body.substring(equals + 1);
            body = body.substring(0, equals);
        }
        boolean optional = body.endsWith("?");
        if (optional) body = body.substring(0, body.length() - 1);
        var pieces = splitOutsideParentheses(body);
        var name = pieces.getFirst().strip();
        checkName(route, inner, name);
        var constraints = pieces.stream().skip(1).map(c -> RouteConstraint.parse(route, name, c)).toList();
        var what = "route '" + route + "': parameter '" + name + "' ";
        if (catchAll && (optional || defaultValue != null)) {
            throw new IllegalArgumentException(what + "is a catch-all, which may already be empty; remove the '?' or '='");
        }
        if (optional && defaultValue != null) {
            throw new IllegalArgumentException(what + "cannot be optional and have a default value; keep one");
        }
        if (!last && (catchAll || optional || defaultValue != null)) {
            throw new IllegalArgumentException(what + "may be left out, so it must be the last segment of the route");
        }
        return new Parameter(name, constraints, optional, defaultValue, catchAll);
    }

    private static void checkName(String route, String inner, String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("route '" + route + "' has a parameter without a name ('{" + inner
                    + "}'); write {name}");
        }
        for (char c : name.toCharArray()) {
            if ("{}/?*=:()".indexOf(c) >= 0 || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("route '" + route + "': parameter name '" + name
                        + "' contains '" + c + "'; use letters, digits and '_'");
            }
        }
    }

    /// Matches a request path without the route prefix (leading and one trailing slash are ignored; the path
    /// is still percent-encoded). On a match, the parameters in template order, percent-decoded; an optional
    /// parameter that is absent is left out, one with a default gets the default.
    public Optional<Map<String, String>> match(String path) {
        if (path == null) return Optional.empty();
        var trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) trimmed = trimmed.substring(0, trimmed.length() - 1);
        var parts = trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
        var params = new LinkedHashMap<String, String>();
        try {
            for (int i = 0; i < segments.size(); i++) {
                var segment = segments.get(i);
                if (segment instanceof Parameter p && p.catchAll()) {
                    return catchAll(p, parts, i, params);
                }
                if (i >= parts.length) {
                    if (!(segment instanceof Parameter p) || !p.mayBeAbsent()) return Optional.empty();
                    if (p.defaultValue() != null) params.put(p.name(), p.defaultValue());
                    continue;
                }
                var value = decode(parts[i]);
                if (parts[i].isEmpty() || !matches(segment, value)) return Optional.empty();
                if (segment instanceof Parameter p) params.put(p.name(), value);
            }
        } catch (IllegalArgumentException badEscape) {
            return Optional.empty();
        }
        return parts.length > segments.size() ? Optional.empty() : Optional.of(Collections.unmodifiableMap(params));
    }

    private static Optional<Map<String, String>> catchAll(Parameter p, String[] parts, int from,
                                                          Map<String, String> params) {
        var rest = decode(String.join("/", List.of(parts).subList(Math.min(from, parts.length), parts.length)));
        if (!rest.isEmpty()) {
            if (!p.accepts(rest)) return Optional.empty();
            params.put(p.name(), rest);
        }
        return Optional.of(Collections.unmodifiableMap(params));
    }

    private static boolean matches(Segment segment, String value) {
        return switch (segment) {
            case Literal l -> l.text().equalsIgnoreCase(value);
            case Parameter p -> p.accepts(value);
        };
    }

    /// Orders templates the way ASP.NET Core tries them: segment by segment, literal text before a
    /// constrained parameter, before a plain one, before one that may be absent, before a catch-all; so that
    /// `items/new` wins over `items/{id}` whatever order the functions were found in. A router that takes the
    /// first match should sort its routes with this.
    public static Comparator<RouteTemplate> mostSpecificFirst() {
        return (a, b) -> {
            for (int i = 0; i < Math.min(a.segments.size(), b.segments.size()); i++) {
                int order = Integer.compare(rank(a.segments.get(i)), rank(b.segments.get(i)));
                if (order != 0) return order;
            }
            return Integer.compare(b.segments.size(), a.segments.size());
        };
    }

    private static int rank(Segment segment) {
        return switch (segment) {
            case Literal l -> 0;
            case Parameter p when p.catchAll() -> 4;
            case Parameter p when p.mayBeAbsent() -> 3;
            case Parameter p when !p.constraints().isEmpty() -> 1;
            case Parameter p -> 2;
        };
    }

    /// The template as written, without surrounding slashes.
    public String text() { return text; }

    /// The parameter names in template order.
    public List<String> parameterNames() {
        return segments.stream().filter(Parameter.class::isInstance).map(s -> ((Parameter) s).name()).toList();
    }

    /// A normalized form in which two templates that match the same paths in the same way are equal:
    /// literals lower-cased, parameter names dropped, constraints kept, e.g. `products/{:alpha}/{:int?}`.
    public String shape() {
        return segments.stream().map(RouteTemplate::shapeOf).collect(Collectors.joining("/"));
    }

    /// The shapes of the paths this template accepts, written without optional marks: two templates with a
    /// shape in common are ambiguous (`hello/{name?}` and `hello` both take "hello").
    public Set<String> shapes() {
        var shapes = new LinkedHashSet<String>();
        var full = segments.stream().map(s -> shapeOf(s).replace("?", "")).collect(Collectors.joining("/"));
        shapes.add(full);
        if (!segments.isEmpty() && segments.getLast() instanceof Parameter p && p.mayBeAbsent()) {
            shapes.add(segments.subList(0, segments.size() - 1).stream()
                    .map(s -> shapeOf(s).replace("?", "")).collect(Collectors.joining("/")));
        }
        return shapes;
    }

    private static String shapeOf(Segment segment) {
        return switch (segment) {
            case Literal l -> l.text().toLowerCase(Locale.ROOT);
            case Parameter p -> "{" + (p.catchAll() ? "*" : "")
                    + p.constraints().stream().map(c -> ":" + c.text()).sorted().collect(Collectors.joining())
                    + (p.optional() || p.defaultValue() != null ? "?" : "") + "}";
        };
    }

    @Override public String toString() { return text; }

    @Override public boolean equals(Object o) { return o instanceof RouteTemplate other && other.text.equals(text); }

    @Override public int hashCode() { return text.hashCode(); }

    private static String trimSlashes(String route) {
        var result = route;
        while (result.startsWith("/")) result = result.substring(1);
        while (result.endsWith("/")) result = result.substring(0, result.length() - 1);
        return result;
    }

    /// Percent-decoding of a path: unlike form decoding, '+' stays '+'.
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) return raw;
        var out = new ByteArrayOutputStream(raw.length());
        var bytes = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '%') {
                out.write(bytes[i]);
                continue;
            }
            if (i + 2 >= bytes.length) throw new IllegalArgumentException("truncated escape");
            int high = Character.digit(bytes[i + 1], 16);
            int low = Character.digit(bytes[i + 2], 16);
            if (high < 0 || low < 0) throw new IllegalArgumentException("bad escape");
            out.write(high * 16 + low);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int indexOutsideParentheses(String text, char wanted) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == wanted && depth == 0) return i;
        }
        return -1;
    }

    private static List<String> splitOutsideParentheses(String text) {
        var pieces = new ArrayList<String>();
        int start = 0;
        int at;
        while ((at = indexOutsideParentheses(text.substring(start), ':')) >= 0) {
            pieces.add(text.substring(start, start + at));
            start += at + 1;
        }
        pieces.add(text.substring(start));
        return pieces;
    }
}
