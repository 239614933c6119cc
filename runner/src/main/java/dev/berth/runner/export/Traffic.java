package dev.berth.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.export.ProjectDocs.Doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/// The `ingress.traffic` list: which revision gets which share, and labels. Weights must add up to 100, as
/// Container Apps requires; a split needs `activeRevisionsMode: Multiple`. Immutable.
record Traffic(List<Target> targets) {
    static final String FIELD = "properties.configuration.ingress.traffic";
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    /// One entry: `revisionName` or `latestRevision: true`, a weight from 0 to 100, and an optional label.
    record Target(Optional<String> revisionName, boolean latestRevision, int weight, Optional<String> label) {}

    Traffic { targets = List.copyOf(targets); }

    static Traffic latestOnly() {
        return new Traffic(List.of(new Target(Optional.empty(), true, 100, Optional.empty())));
    }

    /// More than one revision gets requests, or a label addresses one: then each revision needs its own
    /// backend (Service) in Kubernetes.
    boolean splits() {
        return targets.stream().filter(t -> t.weight() > 0).count() > 1 || targets.stream().anyMatch(t -> t.label().isPresent());
    }

    static Traffic read(Doc doc, JsonNode list, String app, boolean multiple, Notes notes) {
        if (list.isMissingNode() || list.isNull()) return latestOnly();
        if (!list.isArray() || list.isEmpty()) {
            notes.error(doc.file(), FIELD, "traffic must be a list of revisions and weights.",
                    "write `- latestRevision: true` / `weight: 100`.");
            return latestOnly();
        }
        var targets = new ArrayList<Target>();
        int sum = 0;
        for (int i = 0; i < list.size(); i++) {
            var target = target(doc, FIELD + "[" + i + "]", list.get(i), app, notes);
            sum += target.weight();
            targets.add(target);
        }
        var traffic = new Traffic(targets);
        if (sum != 100) {
            notes.error(doc.file(), FIELD, "the traffic weights add up to " + sum + ", not 100.",
                    "change the `weight:` values so that they add up to 100" + example(targets) + ".");
        }
        if (!multiple && targets.stream().filter(t -> t.weight() > 0).count() > 1) {
            notes.error(doc.file(), FIELD, "traffic is split across revisions, but activeRevisionsMode is Single, "
                    + "which keeps only the latest revision active.", "set `properties.configuration.activeRevisionsMode: "
                    + "Multiple`, or give the latest revision weight 100.");
        }
        return traffic;
    }

    private static Target target(Doc doc, String where, JsonNode item, String app, Notes notes) {
        var revision = Optional.ofNullable(item.get("revisionName")).map(JsonNode::asText).filter(s -> !s.isBlank());
        boolean latest = item.path("latestRevision").asBoolean(false);
        if (revision.isPresent() == latest) {
            notes.error(doc.file(), where, "a traffic entry needs exactly one of revisionName and latestRevision: true.",
                    "write `revisionName: " + app + "--v1` or `latestRevision: true`.");
        }
        revision.filter(r -> !r.startsWith(app + "--")).ifPresent(r -> notes.warning(doc.file(), where + ".revisionName",
                "\"" + r + "\" is not a revision of " + app + " (revision names start with \"" + app + "--\").",
                "use the name `az containerapp revision list` shows."));
        var weightNode = item.path("weight");
        int weight = weightNode.isMissingNode() ? 0 : weightNode.asInt(-1);
        if (!weightNode.isMissingNode() && (!weightNode.isIntegralNumber() || weight < 0 || weight > 100)) {
            notes.error(doc.file(), where + ".weight", "\"" + weightNode.asText() + "\" is not a weight from 0 to 100.",
                    "write a whole number percentage, e.g. `weight: 20`.");
            weight = 0;
        }
        var label = Optional.ofNullable(item.get("label")).map(JsonNode::asText);
        label.filter(l -> !LABEL.matcher(l).matches()).ifPresent(l -> notes.error(doc.file(), where + ".label",
                "\"" + l + "\" is not a valid label.", "use lowercase letters, digits and '-', starting with a letter."));
        return new Target(revision, latest, weight, label);
    }

    private static String example(List<Target> targets) {
        if (targets.size() != 2) return "";
        return ", e.g. 80 and 20";
    }
}
