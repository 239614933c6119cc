package dev.berth.runner.trigger;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Azure Functions binding expressions in binding properties such as a blob `path` or a `queueName`:
/// `%Setting%` from the app settings, `{name}` from the trigger's binding data (blob path parts,
/// queue metadata, JSON properties of the payload), and `{rand-guid}`, `{DateTime}`, `{sys.randguid}`,
/// `{sys.utcnow}`, `{sys.methodname}`. Names are case-insensitive, as in Azure. Immutable, thread-safe.
public final class BindingExpressions {
    private static final Pattern SETTING = Pattern.compile("%([^%]+)%");
    private static final Pattern EXPRESSION = Pattern.compile("\\{([^{}]+)}");
    /// What `{DateTime}` turns into, as the Functions host writes it (safe in blob names).
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Map<String, String> settings;
    private final Clock clock;

    public BindingExpressions(Map<String, String> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /// A binding expression that names something the invocation does not have.
    public static final class UnresolvedException extends IllegalArgumentException {
        UnresolvedException(String message) { super(message); }
    }

    /// Resolves only the `%Setting%` parts, as for a trigger's own `path` whose `{name}` parts are the
    /// pattern the trigger matches, not values.
    public String resolveSettings(String template) {
        return replace(SETTING, template, name -> {
            var value = settings.get(name);
            if (value == null) throw new UnresolvedException("%" + name + "% is not an app setting. Fix: add \""
                    + name + "\" to Values in local.settings.json.");
            return value;
        });
    }

    /// Resolves `template` for one invocation of `function` with `bindingData`.
    public String resolve(String template, String function, Map<String, String> bindingData) {
        var withSettings = resolveSettings(template);
        var data = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        data.putAll(bindingData);
        return replace(EXPRESSION, withSettings, name -> switch (name.toLowerCase(Locale.ROOT)) {
            case "rand-guid", "sys.randguid" -> UUID.randomUUID().toString();
            case "datetime" -> DATE_TIME.format(clock.instant());
            case "sys.utcnow" -> clock.instant().toString();
            case "sys.methodname" -> function;
            default -> {
                var value = data.get(name);
                if (value == null) throw new UnresolvedException("{" + name + "} names nothing this trigger provides"
                        + (data.isEmpty() ? "" : " (it has: " + String.join(", ", data.keySet()) + ")")
                        + ". Fix: use one of those, or {rand-guid} / {DateTime}.");
                yield value;
            }
        });
    }

    private static String replace(Pattern pattern, String text, java.util.function.UnaryOperator<String> value) {
        var matcher = pattern.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) matcher.appendReplacement(out, Matcher.quoteReplacement(value.apply(matcher.group(1))));
        matcher.appendTail(out);
        return out.toString();
    }
}
