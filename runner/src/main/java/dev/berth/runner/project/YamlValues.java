package dev.berth.runner.project;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/// Typed reads of containerapp.yaml values, each recording an ERROR with the field and a fix when the
/// value has the wrong kind or range. Absent (or null) values are left to the caller's default. Stateless.
final class YamlValues {
    private YamlValues() {}

    /// `parent.key` when `parent` is a mapping; null when absent, null, or the parent is not a mapping.
    static JsonNode get(JsonNode parent, String key) {
        if (parent == null || !parent.isObject()) return null;
        var value = parent.get(key);
        return value == null || value.isNull() ? null : value;
    }

    /// The mapping at `field`, or null after an ERROR when it is something else.
    static JsonNode mapping(SourceDoc doc, String field, JsonNode value, Problems problems) {
        if (value == null) return null;
        if (value.isObject()) return value;
        problems.error(doc, field, "expected a mapping of keys, found " + SourceParser.describe(value) + ".",
                "indent the keys under `" + last(field) + ":` on the following lines.");
        return null;
    }

    static OptionalInt integer(SourceDoc doc, String field, JsonNode value, long min, long max, Problems problems) {
        if (value == null) return OptionalInt.empty();
        var range = max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            problems.error(doc, field, SourceParser.describe(value) + " is not a whole number " + range + ".",
                    "write a whole number " + range + " without quotes.");
            return OptionalInt.empty();
        }
        return OptionalInt.of(value.intValue());
    }

    static Optional<String> text(SourceDoc doc, String field, JsonNode value, Problems problems) {
        if (value == null) return Optional.empty();
        if (value.isTextual() || value.isNumber() || value.isBoolean()) return Optional.of(value.asText());
        problems.error(doc, field, "expected text, found " + SourceParser.describe(value) + ".",
                "write a single value after `" + last(field) + ":`.");
        return Optional.empty();
    }

    /// A positive decimal such as `cpu: 0.5`; quoted numbers are accepted, as the Azure CLI does.
    static Optional<Double> positiveNumber(SourceDoc doc, String field, JsonNode value, String fix, Problems problems) {
        if (value == null) return Optional.empty();
        BigDecimal number = null;
        if (value.isNumber()) number = value.decimalValue();
        else if (value.isTextual()) {
            try {
                number = new BigDecimal(value.asText().strip());
            } catch (NumberFormatException notNumber) {
                number = null;
            }
        }
        if (number == null || number.signum() <= 0) {
            problems.error(doc, field, SourceParser.describe(value) + " is not a positive number.", fix);
            return Optional.empty();
        }
        return Optional.of(number.doubleValue());
    }

    private static String last(String field) {
        int dot = field.lastIndexOf('.');
        return dot < 0 ? field : field.substring(dot + 1);
    }
}
