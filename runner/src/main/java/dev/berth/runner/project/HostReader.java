package dev.berth.runner.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.queue.QueueSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/// Reads host.json into a [HostConfig]. Keys are matched ignoring case, as the Functions host does.
/// Stateless; problems go to the [Problems] passed in.
final class HostReader {
    static final Path FILE = Path.of("host.json");
    static final Set<String> KNOWN_KEYS = Set.of("version", "logging", "extensionBundle", "extensions",
            "functionTimeout", "customHandler", "healthMonitor", "watchDirectories", "managedDependency",
            "concurrency", "retry", "aggregator", "singleton", "functions");
    // .NET TimeSpan "[d.]hh:mm:ss[.fffffff]".
    private static final Pattern TIME_SPAN =
            Pattern.compile("(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,7}))?");
    private static final String TIMEOUT_FIX = "write it as \"hh:mm:ss\" (e.g. \"00:05:00\") or \"d.hh:mm:ss\", "
            + "or \"-1\" for no limit.";

    private final SourceParser parser;

    HostReader(SourceParser parser) { this.parser = parser; }

    /// The host config, or empty when host.json is missing or unreadable (an ERROR is recorded).
    Optional<HostConfig> read(Path dir, Problems problems) {
        if (!Files.isRegularFile(dir.resolve(FILE))) {
            problems.error(FILE, 0, "", "host.json is missing; every function app needs one.",
                    "create host.json containing {\"version\": \"2.0\"} (`berth new` writes a complete one).");
            return Optional.empty();
        }
        return parser.json(dir, FILE, problems).map(doc -> read(doc, problems));
    }

    /// `text` as host.json while it is being edited: the checks of the file, without the file system.
    void check(String text, Problems problems) {
        parser.json(FILE, text, problems).ifPresent(doc -> read(doc, problems));
    }

    private HostConfig read(SourceDoc doc, Problems problems) {
        var root = doc.root();
        Fields.warnUnknown(doc, "", root, KNOWN_KEYS, true, "host.json", problems);
        var version = version(doc, problems);
        var timeout = Fields.find(root, "functionTimeout", true)
                .flatMap(e -> timeout(doc, e.getKey(), e.getValue(), problems));
        var handler = Fields.find(root, "customHandler", true).map(Map.Entry::getValue);
        var executable = handler.flatMap(h -> Fields.find(h, "description", true))
                .flatMap(d -> Fields.find(d.getValue(), "defaultExecutablePath", true))
                .map(e -> text(doc, "customHandler.description." + e.getKey(), e.getValue(), "", problems))
                .orElse("");
        var forwarding = handler.flatMap(h -> Fields.find(h, "enableForwardingHttpRequest", true))
                .map(e -> flag(doc, "customHandler." + e.getKey(), e.getValue(), problems))
                .orElse(false);
        var prefix = Fields.find(root, "extensions", true)
                .flatMap(e -> Fields.find(e.getValue(), "http", true))
                .flatMap(e -> Fields.find(e.getValue(), "routePrefix", true))
                .map(e -> text(doc, "extensions.http." + e.getKey(), e.getValue(), "api", problems))
                .orElse("api");
        var queues = Fields.find(root, "extensions", true)
                .flatMap(e -> Fields.find(e.getValue(), "queues", true))
                .map(e -> queues(doc, "extensions." + e.getKey(), e.getValue(), problems))
                .orElse(QueueSettings.defaults());
        var retry = Fields.find(root, "retry", true).flatMap(e -> retry(doc, e.getKey(), e.getValue(), problems));
        var hub = Fields.find(root, "extensions", true)
                .flatMap(e -> Fields.find(e.getValue(), "durableTask", true)
                        .flatMap(d -> Fields.find(d.getValue(), "hubName", true)
                                .map(h -> hub(doc, e.getKey() + "." + d.getKey() + "." + h.getKey(),
                                        h.getValue(), problems))))
                .orElse(HostConfig.DEFAULT_HUB);
        return new HostConfig(version, timeout, forwarding, trimSlashes(prefix), executable, queues, retry, hub);
    }

    /// Azure's rule for task hub names: 3 to 45 letters and digits, starting with a letter.
    private static String hub(SourceDoc doc, String field, JsonNode value, Problems problems) {
        var name = text(doc, field, value, HostConfig.DEFAULT_HUB, problems);
        if (name.matches("[A-Za-z][A-Za-z0-9]{2,44}")) return name;
        problems.error(doc, field, "\"" + name + "\" is not a valid task hub name.",
                "use 3 to 45 letters and digits, starting with a letter (e.g. \"OrdersHub\"), as Azure requires.");
        return HostConfig.DEFAULT_HUB;
    }

    /// `retry`: `{"strategy": "fixedDelay", "maxRetryCount": 3, "delayInterval": "00:00:05"}` or
    /// `{"strategy": "exponentialBackoff", "maxRetryCount": 5, "minimumInterval": …, "maximumInterval": …}`.
    private static Optional<RetryPolicy> retry(SourceDoc doc, String field, JsonNode node, Problems problems) {
        var fix = "write {\"strategy\": \"fixedDelay\", \"maxRetryCount\": 3, \"delayInterval\": \"00:00:05\"} or "
                + "{\"strategy\": \"exponentialBackoff\", \"maxRetryCount\": 5, \"minimumInterval\": \"00:00:01\", "
                + "\"maximumInterval\": \"00:15:00\"}.";
        var strategyText = node.isObject() ? Fields.find(node, "strategy", true).map(e -> e.getValue().asText("")).orElse("") : "";
        var strategy = switch (strategyText.toLowerCase(java.util.Locale.ROOT)) {
            case "fixeddelay" -> RetryPolicy.Strategy.FIXED_DELAY;
            case "exponentialbackoff" -> RetryPolicy.Strategy.EXPONENTIAL_BACKOFF;
            default -> null;
        };
        if (strategy == null) {
            problems.error(doc, field + ".strategy", "\"" + strategyText + "\" is not a retry strategy.", fix);
            return Optional.empty();
        }
        Integer count = whole(doc, field, node, "maxRetryCount", problems);
        if (count == null || count < -1) {
            problems.error(doc, field + ".maxRetryCount", "a retry policy needs maxRetryCount (-1 for no limit).", fix);
            return Optional.empty();
        }
        var delay = span(doc, field, node, "delayInterval", problems);
        var minimum = span(doc, field, node, "minimumInterval", problems);
        var maximum = span(doc, field, node, "maximumInterval", problems);
        boolean fixed = strategy == RetryPolicy.Strategy.FIXED_DELAY;
        if (fixed ? delay.isEmpty() : minimum.isEmpty() || maximum.isEmpty()
                || minimum.get().compareTo(maximum.get()) > 0) {
            problems.error(doc, field, fixed ? "fixedDelay needs delayInterval."
                    : "exponentialBackoff needs minimumInterval ≤ maximumInterval.", fix);
            return Optional.empty();
        }
        return Optional.of(new RetryPolicy(strategy, count, delay.orElse(Duration.ZERO), minimum.orElse(Duration.ZERO),
                maximum.orElse(Duration.ZERO)));
    }

    private static Optional<Duration> span(SourceDoc doc, String parent, JsonNode node, String name, Problems problems) {
        return Fields.find(node, name, true).flatMap(e -> timeSpan(doc, parent + "." + e.getKey(), e.getValue(), problems));
    }

    /// `extensions.queues`: what is omitted takes the Functions host's default.
    private static QueueSettings queues(SourceDoc doc, String field, JsonNode node, Problems problems) {
        var fix = "see https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue#host-json "
                + "for the allowed values.";
        if (!node.isObject()) {
            problems.error(doc, field, "expected an object, found " + SourceParser.describe(node) + ".", fix);
            return QueueSettings.defaults();
        }
        Integer batch = whole(doc, field, node, "batchSize", problems);
        Integer threshold = whole(doc, field, node, "newBatchThreshold", problems);
        Integer dequeues = whole(doc, field, node, "maxDequeueCount", problems);
        var visibility = Fields.find(node, "visibilityTimeout", true)
                .flatMap(e -> timeSpan(doc, field + "." + e.getKey(), e.getValue(), problems)).orElse(null);
        var polling = Fields.find(node, "maxPollingInterval", true)
                .flatMap(e -> timeSpan(doc, field + "." + e.getKey(), e.getValue(), problems)).orElse(null);
        try {
            return QueueSettings.of(batch, threshold, dequeues, visibility, polling);
        } catch (RuntimeException e) {
            problems.error(doc, field, e.getMessage() + ".", fix);
            return QueueSettings.defaults();
        }
    }

    private static Integer whole(SourceDoc doc, String parent, JsonNode node, String name, Problems problems) {
        var entry = Fields.find(node, name, true);
        if (entry.isEmpty()) return null;
        var value = entry.get().getValue();
        if (value.canConvertToInt() && value.isIntegralNumber()) return value.asInt();
        problems.error(doc, parent + "." + entry.get().getKey(), "expected a whole number, found "
                + SourceParser.describe(value) + ".", "write a number without quotes, e.g. 16.");
        return null;
    }

    private static String version(SourceDoc doc, Problems problems) {
        var entry = Fields.find(doc.root(), "version", true);
        if (entry.isEmpty()) {
            problems.error(doc, "version", "the field is missing.", "add \"version\": \"2.0\" to host.json.");
            return "2.0";
        }
        var value = entry.get().getValue();
        if (!value.isTextual() || !value.asText().equals("2.0")) {
            problems.error(doc, entry.get().getKey(), SourceParser.describe(value) + " is not a supported "
                    + "version; Berth runs Functions host 2.0 projects only.", "set \"version\": \"2.0\".");
        }
        return "2.0";
    }

    /// "-1" means no limit, which [HostConfig] carries as a zero duration (the ingress's "no timeout").
    static Optional<Duration> timeout(SourceDoc doc, String field, JsonNode value, Problems problems) {
        var text = value.isTextual() ? value.asText().strip() : value.isNumber() ? value.asText() : null;
        if ("-1".equals(text)) return Optional.of(Duration.ZERO);
        var duration = timeSpan(doc, field, value, problems);
        if (duration.isPresent() && duration.get().isZero()) {
            problems.error(doc, field, "a timeout of zero would fail every invocation.", TIMEOUT_FIX);
            return Optional.empty();
        }
        return duration;
    }

    /// A .NET TimeSpan such as "00:00:10" or "1.02:00:00"; zero allowed.
    static Optional<Duration> timeSpan(SourceDoc doc, String field, JsonNode value, Problems problems) {
        var text = value.isTextual() ? value.asText().strip() : value.isNumber() ? value.asText() : null;
        var matcher = text == null ? null : TIME_SPAN.matcher(text);
        if (matcher == null || !matcher.matches()) {
            problems.error(doc, field, SourceParser.describe(value) + " is not a time span.", TIMEOUT_FIX);
            return Optional.empty();
        }
        long days = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
        int hours = Integer.parseInt(matcher.group(2));
        int minutes = Integer.parseInt(matcher.group(3));
        int seconds = Integer.parseInt(matcher.group(4));
        if (hours > 23 || minutes > 59 || seconds > 59) {
            problems.error(doc, field, "\"" + text + "\" has hours above 23 or minutes/seconds above 59.", TIMEOUT_FIX);
            return Optional.empty();
        }
        var fraction = matcher.group(5) == null ? 0 : Long.parseLong((matcher.group(5) + "000000000").substring(0, 9));
        return Optional.of(Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds).plusNanos(fraction));
    }

    private static String text(SourceDoc doc, String field, JsonNode value, String fallback, Problems problems) {
        if (value.isTextual()) return value.asText();
        problems.error(doc, field, "expected text, found " + SourceParser.describe(value) + ".",
                "put the value in double quotes.");
        return fallback;
    }

    private static boolean flag(SourceDoc doc, String field, JsonNode value, Problems problems) {
        if (value.isBoolean()) return value.asBoolean();
        problems.error(doc, field, "expected true or false, found " + SourceParser.describe(value) + ".",
                "write true or false without quotes.");
        return false;
    }

    private static String trimSlashes(String prefix) {
        var trimmed = prefix.strip();
        while (trimmed.startsWith("/")) trimmed = trimmed.substring(1);
        while (trimmed.endsWith("/")) trimmed = trimmed.substring(0, trimmed.length() - 1);
        return trimmed;
    }
}
