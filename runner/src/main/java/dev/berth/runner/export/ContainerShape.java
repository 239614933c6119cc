package dev.berth.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runner.export.ProjectDocs.Doc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/// The first container of a template as exported: its name, image (empty: the project's own image, built
/// from the Dockerfile), command and args, resources and probes (`type` capitalized: Readiness, Liveness,
/// Startup). `source` is the container as written, for what the export passes through. Immutable once read.
record ContainerShape(String name, Optional<String> image, Optional<JsonNode> command, Optional<JsonNode> args,
                      BigDecimal cpu, String memory, List<ObjectNode> probes, JsonNode source) {
    static final BigDecimal DEFAULT_CPU = new BigDecimal("0.5");
    static final String DEFAULT_MEMORY = "1Gi";
    static final List<String> PROBE_TYPES = List.of("Readiness", "Liveness", "Startup");

    ContainerShape { probes = List.copyOf(probes); }

    static ContainerShape read(Doc doc, JsonNode containers, String field, String fallbackName, Notes notes) {
        if (containers.size() > 1) {
            notes.warning(doc.file(), field + "[1]", "only the first container is exported; Berth runs only that one.",
                    "add sidecars to the exported file by hand.");
        }
        var c = containers.path(0);
        var name = c.path("name").asText(fallbackName);
        var image = Optional.of(c.path("image").asText("").strip()).filter(s -> !s.isEmpty());
        var cpu = cpu(c.path("resources").path("cpu"));
        var memory = c.path("resources").path("memory").asText(DEFAULT_MEMORY).strip();
        var probes = new ArrayList<ObjectNode>();
        for (int i = 0; i < c.path("probes").size(); i++) {
            probe(doc, field + "[0].probes[" + i + "]", c.path("probes").get(i), notes).ifPresent(probes::add);
        }
        return new ContainerShape(name, image, present(c.path("command")), present(c.path("args")), cpu, memory,
                probes, c);
    }

    private static Optional<JsonNode> present(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    private static BigDecimal cpu(JsonNode node) {
        try {
            return node.isMissingNode() || node.isNull() ? DEFAULT_CPU : new BigDecimal(node.asText().strip()).stripTrailingZeros();
        } catch (NumberFormatException notNumber) {
            return DEFAULT_CPU; // the loader has refused it already
        }
    }

    private static Optional<ObjectNode> probe(Doc doc, String field, JsonNode probe, Notes notes) {
        var type = probe.path("type").asText("");
        var known = PROBE_TYPES.stream().filter(t -> t.equalsIgnoreCase(type)).findFirst();
        if (known.isEmpty() || !probe.isObject()) {
            notes.error(doc.file(), field + ".type", "the probe has no valid type.", "set `type:` to Readiness, Liveness or Startup.");
            return Optional.empty();
        }
        var out = ((ObjectNode) probe).deepCopy();
        out.put("type", known.get());
        return Optional.of(out);
    }

    /// Memory in GiB for the Consumption profile check, or empty when the unit is unusual.
    Optional<BigDecimal> memoryGi() {
        var m = memory.toLowerCase(Locale.ROOT);
        try {
            if (m.endsWith("gi")) return Optional.of(new BigDecimal(m.substring(0, m.length() - 2)));
            if (m.endsWith("mi")) return Optional.of(new BigDecimal(m.substring(0, m.length() - 2)).divide(BigDecimal.valueOf(1024)));
        } catch (NumberFormatException | ArithmeticException unusual) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static ObjectNode object() { return JsonNodeFactory.instance.objectNode(); }
}
