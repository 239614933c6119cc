package dev.berth.runner.revision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.berth.runner.project.ProjectException;
import dev.berth.runner.project.ProjectProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/// Reads the revision settings of containerapp.yaml: `properties.configuration.activeRevisionsMode`,
/// `properties.template.revisionSuffix` and `properties.configuration.ingress.traffic[]` (`revisionName` or
/// `latestRevision: true`, `weight`, `label`). Every bad value is an ERROR naming the field and the fix.
/// (The project loader checks the rest of the file.) Stateless.
public final class RevisionConfigReader {
    static final Path FILE = Path.of("containerapp.yaml");
    static final Pattern SUFFIX = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");
    private static final Set<String> RULE_KEYS = Set.of("revisionName", "latestRevision", "weight", "label");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String TRAFFIC = "properties.configuration.ingress.traffic";

    private RevisionConfigReader() {}

    /// The settings of the project in `dir`; defaults without a containerapp.yaml.
    public static RevisionConfig read(Path dir) throws ProjectException {
        var file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) return RevisionConfig.defaults();
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ProjectException(List.of(error("", "cannot be read: " + e.getMessage(), "correct the YAML syntax.")));
        }
        return parse(root == null ? YAML.createObjectNode() : root);
    }

    static RevisionConfig parse(JsonNode root) throws ProjectException {
        var problems = new ArrayList<ProjectProblem>();
        var configuration = root.path("properties").path("configuration");
        var mode = mode(configuration.path("activeRevisionsMode"), problems);
        var suffix = suffix(root.path("properties").path("template").path("revisionSuffix"), problems);
        var traffic = traffic(configuration.path("ingress").path("traffic"), mode, problems);
        if (!problems.isEmpty()) throw new ProjectException(problems);
        return new RevisionConfig(mode, suffix, traffic);
    }

    private static ActiveRevisionsMode mode(JsonNode node, List<ProjectProblem> problems) {
        if (node.isMissingNode() || node.isNull()) return ActiveRevisionsMode.SINGLE;
        var field = "properties.configuration.activeRevisionsMode";
        var text = node.isTextual() ? node.asText().toLowerCase(Locale.ROOT) : "";
        return switch (text) {
            case "single" -> ActiveRevisionsMode.SINGLE;
            case "multiple" -> ActiveRevisionsMode.MULTIPLE;
            case "labels" -> {
                problems.add(error(field, "Berth does not run the Labels mode yet.", "use Multiple with a label per"
                        + " revision in traffic[] (it routes labels the same way)."));
                yield ActiveRevisionsMode.MULTIPLE;
            }
            default -> {
                problems.add(error(field, node + " is not a revision mode.", "use Single or Multiple."));
                yield ActiveRevisionsMode.SINGLE;
            }
        };
    }

    private static Optional<String> suffix(JsonNode node, List<ProjectProblem> problems) {
        if (node.isMissingNode() || node.isNull() || (node.isTextual() && node.asText().isEmpty())) return Optional.empty();
        var text = node.isTextual() ? node.asText() : node.toString();
        if (!node.isTextual() || !SUFFIX.matcher(text).matches() || text.contains("--")) {
            problems.add(error("properties.template.revisionSuffix", "\"" + text + "\" is not a valid revision suffix.",
                    "use lowercase letters, digits and '-' (not first, not last, no '--'), e.g. \"v2\"."));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static List<TrafficRule> traffic(JsonNode node, ActiveRevisionsMode mode, List<ProjectProblem> problems) {
        if (node.isMissingNode() || node.isNull()) return RevisionConfig.defaults().traffic();
        if (!node.isArray()) {
            problems.add(error(TRAFFIC, "must be a list of rules.", "write `- latestRevision: true` / `weight: 100`."));
            return List.of();
        }
        var rules = new ArrayList<TrafficRule>();
        var labels = new HashSet<String>();
        var targets = new HashSet<String>();
        for (int i = 0; i < node.size(); i++) {
            rule(node.get(i), TRAFFIC + "[" + i + "]", labels, targets, problems).ifPresent(rules::add);
        }
        int sum = rules.stream().mapToInt(TrafficRule::weight).sum();
        if (!rules.isEmpty() && rules.size() == node.size() && sum != 100) {
            problems.add(error(TRAFFIC, "the weights sum to " + sum + ", not 100.", "make the weights add up to 100."));
        }
        if (mode == ActiveRevisionsMode.SINGLE && rules.stream().anyMatch(r -> !r.latestRevision() && r.weight() > 0)) {
            problems.add(error(TRAFFIC, "weights for named revisions need activeRevisionsMode Multiple (Single sends"
                    + " all traffic to the latest revision).", "set properties.configuration.activeRevisionsMode:"
                    + " Multiple, or give the traffic to `latestRevision: true`."));
        }
        return rules.isEmpty() && node.isEmpty() ? RevisionConfig.defaults().traffic() : rules;
    }

    private static Optional<TrafficRule> rule(JsonNode item, String field, Set<String> labels, Set<String> targets,
                                              List<ProjectProblem> problems) {
        if (!item.isObject()) {
            problems.add(error(field, "must be a mapping.", "write `revisionName: <name>` or `latestRevision: true`, and `weight`."));
            return Optional.empty();
        }
        int before = problems.size();
        item.fieldNames().forEachRemaining(key -> {
            if (!RULE_KEYS.contains(key)) problems.add(error(field + "." + key, "is not a traffic field.",
                    "use revisionName, latestRevision, weight and label."));
        });
        var revision = item.path("revisionName");
        var latestNode = item.path("latestRevision");
        boolean latest = latestNode.isBoolean() && latestNode.asBoolean();
        if (!latestNode.isMissingNode() && !latestNode.isBoolean()) {
            problems.add(error(field + ".latestRevision", latestNode + " is not true or false.", "write `latestRevision: true`."));
        }
        var name = revision.isTextual() && !revision.asText().isBlank() ? Optional.of(revision.asText()) : Optional.<String>empty();
        if (!revision.isMissingNode() && name.isEmpty()) {
            problems.add(error(field + ".revisionName", revision + " is not a revision name.", "write the name, e.g. myapp--v2."));
        } else if (name.isPresent() == latest) {
            problems.add(error(field, latest ? "names a revision and latestRevision: true."
                    : "names no revision.", "give either `revisionName: <name>` or `latestRevision: true`."));
        }
        var weightNode = item.path("weight");
        int weight = weightNode.canConvertToInt() && weightNode.isIntegralNumber() ? weightNode.asInt() : -1;
        if (weight < 0 || weight > 100) {
            problems.add(error(field + ".weight", (weightNode.isMissingNode() ? "is missing." : weightNode + " is not a"
                    + " whole percent from 0 to 100."), "write `weight: <0–100>`; the weights of all rules sum to 100."));
        }
        var label = label(item.path("label"), field, labels, problems);
        var target = latest ? TrafficTable.LATEST : name.orElse("");
        if (problems.size() == before && !targets.add(target)) {
            problems.add(error(field, (latest ? "latestRevision" : target) + " appears in more than one rule.",
                    "merge the rules into one."));
        }
        if (problems.size() > before) return Optional.empty();
        return Optional.of(new TrafficRule(name, latest, weight, label));
    }

    private static Optional<String> label(JsonNode node, String field, Set<String> labels, List<ProjectProblem> problems) {
        if (node.isMissingNode() || node.isNull()) return Optional.empty();
        var text = node.isTextual() ? node.asText() : node.toString();
        if (!node.isTextual() || !TrafficEdits.LABEL.matcher(text).matches()) {
            problems.add(error(field + ".label", "\"" + text + "\" is not a valid label.",
                    "use lowercase letters, digits and '-', starting with a letter (it becomes part of a host name)."));
            return Optional.empty();
        }
        if (!labels.add(text)) {
            problems.add(error(field + ".label", "label \"" + text + "\" is used twice.", "give each rule its own label."));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static ProjectProblem error(String field, String message, String fix) {
        return new ProjectProblem(FILE, 0, field, message, fix, ProjectProblem.Severity.ERROR);
    }
}
