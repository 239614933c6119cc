package dev.berth.runner.durable.http;

import dev.berth.runner.durable.RuntimeStatus;
import dev.berth.runner.ingress.Exchanges;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// The query string of one management request, read as the Azure API reads it; a value that does not parse
/// is an [HttpProblem] 400 naming the parameter and the fix. Used by one request thread.
final class QueryParams {
    /// The most instances one list page may ask for.
    static final int MAX_TOP = 1000;

    private final Map<String, String> values;

    QueryParams(String rawQuery) {
        this.values = Exchanges.query(rawQuery);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /// `taskHub`, or `defaultHub` when absent or empty.
    String hub(String defaultHub) {
        var hub = values.getOrDefault("taskHub", "");
        return hub.isBlank() ? defaultHub : hub;
    }

    boolean flag(String name, boolean absent) throws HttpProblem {
        var value = values.get(name);
        if (value == null || value.isEmpty()) return absent;
        if (value.equalsIgnoreCase("true")) return true;
        if (value.equalsIgnoreCase("false")) return false;
        throw new HttpProblem(400, "Query parameter " + name + "='" + value + "' is not a boolean. Fix: use "
                + name + "=true or " + name + "=false.");
    }

    /// An ISO 8601 instant (2024-05-01T10:00:00Z, with an offset, or a date or local date-time read as UTC).
    Optional<Instant> time(String name) throws HttpProblem {
        var value = values.get(name);
        if (value == null || value.isBlank()) return Optional.empty();
        // An unencoded '+' of an offset arrives as a space.
        var text = value.strip().replace(' ', '+');
        try {
            if (text.length() == 10) return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
            if (!text.endsWith("Z") && !text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            }
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new HttpProblem(400, "Query parameter " + name + "='" + value + "' is not a date-time. Fix: use ISO 8601"
                    + " in UTC, e.g. " + name + "=2024-05-01T00:00:00Z.");
        }
    }

    /// `runtimeStatus`: a comma list of Azure status names; empty when absent.
    Set<RuntimeStatus> statuses() throws HttpProblem {
        var value = values.getOrDefault("runtimeStatus", "");
        var statuses = EnumSet.noneOf(RuntimeStatus.class);
        for (var part : value.split(",")) {
            if (part.isBlank()) continue;
            try {
                statuses.add(RuntimeStatus.parse(part.strip()));
            } catch (IllegalArgumentException e) {
                throw new HttpProblem(400, "Query parameter runtimeStatus: " + e.getMessage()
                        + ", separated by commas (runtimeStatus=Running,Failed).");
            }
        }
        return statuses;
    }

    /// `top`: 1 to [#MAX_TOP]; 0 when absent (the backend's page size).
    int top() throws HttpProblem {
        var value = values.get("top");
        if (value == null || value.isBlank()) return 0;
        try {
            int top = Integer.parseInt(value.strip());
            if (top >= 1 && top <= MAX_TOP) return top;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HttpProblem(400, "Query parameter top='" + value + "' must be a whole number from 1 to " + MAX_TOP
                + ". Fix: e.g. top=50, and follow the x-ms-continuation-token header for the next page.");
    }
}
