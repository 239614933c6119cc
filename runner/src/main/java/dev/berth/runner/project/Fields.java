package dev.berth.runner.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/// Small helpers for reading fields of a [SourceDoc] and reporting wrong ones. Stateless.
final class Fields {
    private Fields() {}

    /// The value of `key` in `object`; with `ignoreCase` a differently cased key matches too, as the .NET
    /// hosts that read host.json and function.json do.
    static Optional<Map.Entry<String, JsonNode>> find(JsonNode object, String key, boolean ignoreCase) {
        if (object == null || !object.isObject()) return Optional.empty();
        if (object.has(key)) return Optional.of(Map.entry(key, object.get(key)));
        if (!ignoreCase) return Optional.empty();
        for (var entry : object.properties()) {
            if (entry.getKey().equalsIgnoreCase(key)) return Optional.of(Map.entry(entry.getKey(), entry.getValue()));
        }
        return Optional.empty();
    }

    /// Warns about every key of `object` that is not in `known`: such fields are kept in the file and ignored.
    static void warnUnknown(SourceDoc doc, String path, JsonNode object, Set<String> known, boolean ignoreCase,
                            String what, Problems problems) {
        if (object == null || !object.isObject()) return;
        var lowerKnown = known.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (var name : (Iterable<String>) object::fieldNames) {
            boolean isKnown = ignoreCase ? lowerKnown.contains(name.toLowerCase(Locale.ROOT)) : known.contains(name);
            if (isKnown) continue;
            var suggestion = closest(name, known).map(s -> "if you meant `" + s + "`, rename it; otherwise ").orElse("");
            problems.warning(doc, SourceDoc.child(path, name), "unknown field in " + what + "; it is kept and ignored.",
                    suggestion + "remove it if it is a typo.");
        }
    }

    /// The known word closest to `word` when it is close enough to be a likely typo.
    static Optional<String> closest(String word, Collection<String> known) {
        var lower = word.toLowerCase(Locale.ROOT);
        return known.stream()
                .min(Comparator.comparingInt(k -> distance(lower, k.toLowerCase(Locale.ROOT))))
                .filter(k -> distance(lower, k.toLowerCase(Locale.ROOT)) <= Math.max(2, k.length() / 3));
    }

    /// Up to `limit` known words, closest first: what to list after "unknown type".
    static String nearest(String word, Collection<String> known, int limit) {
        var lower = word.toLowerCase(Locale.ROOT);
        return known.stream()
                .sorted(Comparator.comparingInt((String k) -> distance(lower, k.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit)
                .collect(Collectors.joining(", "));
    }

    static String list(Collection<String> words) { return String.join(", ", new TreeSet<>(words)); }

    /// Levenshtein distance; the words are short field and type names.
    static int distance(String a, String b) {
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
