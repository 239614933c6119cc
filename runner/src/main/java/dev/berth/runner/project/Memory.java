package dev.berth.runner.project;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/// Container Apps memory quantities ("0.5Gi", "512Mi", "1.5Gi") in bytes. Stateless.
final class Memory {
    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(Ki|Mi|Gi|Ti)?");

    private Memory() {}

    /// Bytes, or empty when `text` is not a quantity. A bare number is bytes, as in Kubernetes.
    static Optional<Long> parse(String text) {
        var matcher = QUANTITY.matcher(text.strip());
        if (!matcher.matches()) return Optional.empty();
        int shift = switch (matcher.group(2) == null ? "" : matcher.group(2)) {
            case "Ki" -> 10;
            case "Mi" -> 20;
            case "Gi" -> 30;
            case "Ti" -> 40;
            default -> 0;
        };
        var bytes = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(1L << shift));
        if (bytes.signum() <= 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) return Optional.empty();
        return Optional.of(bytes.longValue());
    }
}
