package dev.berth.runner.project;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/// One inline route constraint, e.g. `int` or `range(1,10)`, with ASP.NET Core's meaning. Supported: int, long,
/// bool, double, float, decimal, guid, alpha, minlength(n), maxlength(n), length(n), length(a,b), min(n),
/// max(n), range(a,b). `regex(…)` and `datetime` are refused: their .NET semantics cannot be reproduced
/// faithfully here. Immutable.
record RouteConstraint(String text, Predicate<String> test) {
    static final String SUPPORTED = "int, long, bool, double, float, decimal, guid, alpha, minlength(n), maxlength(n), "
            + "length(n), length(min,max), min(n), max(n), range(min,max)";
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern GUID = Pattern.compile(
            "\\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}?|[0-9a-fA-F]{32}");
    private static final Pattern ALPHA = Pattern.compile("[A-Za-z]+");
    private static final Pattern CALL = Pattern.compile("([A-Za-z]+)\\((.*)\\)");

    boolean test(String value) { return test.test(value); }

    static RouteConstraint parse(String route, String parameter, String raw) {
        var text = raw.strip();
        var simple = simple(text.toLowerCase(java.util.Locale.ROOT));
        if (simple != null) return new RouteConstraint(text.toLowerCase(java.util.Locale.ROOT), simple);
        var call = CALL.matcher(text);
        if (call.matches()) {
            var name = call.group(1).toLowerCase(java.util.Locale.ROOT);
            var args = List.of(call.group(2).split(",", -1)).stream().map(String::strip).toList();
            var test = withArguments(name, args);
            if (test != null) return new RouteConstraint(name + "(" + String.join(",", args) + ")", test);
        }
        throw new IllegalArgumentException("route '" + route + "': parameter '" + parameter + "' has the constraint '"
                + text + "', which Berth does not support or is written wrongly; use one of " + SUPPORTED);
    }

    private static Predicate<String> simple(String name) {
        return switch (name) {
            case "int" -> v -> fitsLong(v) && Long.parseLong(v) == (int) Long.parseLong(v);
            case "long" -> RouteConstraint::fitsLong;
            case "bool" -> v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
            case "double", "float", "decimal" -> v -> NUMBER.matcher(v).matches();
            case "guid" -> v -> GUID.matcher(v).matches();
            case "alpha" -> v -> ALPHA.matcher(v).matches();
            default -> null;
        };
    }

    private static Predicate<String> withArguments(String name, List<String> args) {
        if (!args.stream().allMatch(a -> INTEGER.matcher(a).matches())) return null;
        var n = args.stream().map(Long::parseLong).toList();
        return switch (name) {
            case "minlength" -> n.size() == 1 ? v -> v.length() >= n.get(0) : null;
            case "maxlength" -> n.size() == 1 ? v -> v.length() <= n.get(0) : null;
            case "length" -> n.size() == 1 ? v -> v.length() == n.get(0)
                    : n.size() == 2 ? v -> v.length() >= n.get(0) && v.length() <= n.get(1) : null;
            case "min" -> n.size() == 1 ? v -> fitsLong(v) && Long.parseLong(v) >= n.get(0) : null;
            case "max" -> n.size() == 1 ? v -> fitsLong(v) && Long.parseLong(v) <= n.get(0) : null;
            case "range" -> n.size() == 2 ? v -> fitsLong(v) && Long.parseLong(v) >= n.get(0)
                    && Long.parseLong(v) <= n.get(1) : null;
            default -> null;
        };
    }

    private static boolean fitsLong(String value) {
        if (!INTEGER.matcher(value).matches()) return false;
        var number = new BigDecimal(value);
        return number.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
                && number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    }
}
