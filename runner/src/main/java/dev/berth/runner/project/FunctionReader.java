package dev.berth.runner.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.timer.CronFormatException;
import dev.berth.runner.timer.TimerSchedule;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/// Reads `<function>/function.json` into a [FunctionDef]: the folder name, the bindings, exactly one
/// trigger and, for an httpTrigger, its route. Stateless apart from its parser; problems go to [Problems].
final class FunctionReader {
    static final Set<String> KNOWN_KEYS = Set.of("bindings", "disabled", "scriptFile", "entryPoint", "excluded",
            "generatedBy", "configurationSource", "retry", "language");
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    static final int MAX_NAME = 127;

    private final SourceParser parser;

    FunctionReader(SourceParser parser) { this.parser = parser; }

    /// A function read from its file, with where its trigger (and its route) sits in it, for the checks
    /// across functions that come later.
    record Loaded(FunctionDef function, Path file, String triggerField, int triggerLine) {}

    /// The function in `dir/folder`, or empty when it is disabled or has ERRORs (recorded).
    Optional<Loaded> read(Path dir, String folder, String routePrefix, Problems problems) {
        var file = Path.of(folder, "function.json");
        int errorsBefore = problems.errors().size();
        checkName(folder, file, problems);
        return parser.json(dir, file, problems).flatMap(doc -> read(dir, folder, doc, routePrefix, errorsBefore, problems));
    }

    /// `text`, the function.json of `folder` as it is being edited: the checks of one file, without the file
    /// system. Problems go to `problems`.
    void check(String folder, String text, String routePrefix, Problems problems) {
        var file = Path.of(folder, "function.json");
        int errorsBefore = problems.errors().size();
        checkName(folder, file, problems);
        parser.json(file, text, problems).ifPresent(doc -> read(Path.of(""), folder, doc, routePrefix, errorsBefore,
                problems));
    }

    private Optional<Loaded> read(Path dir, String folder, SourceDoc source, String routePrefix, int errorsBefore,
                                  Problems problems) {
        var file = source.file();
        var root = source.root();
        Fields.warnUnknown(source, "", root, KNOWN_KEYS, true, "function.json", problems);
        int beforeBindings = problems.errors().size();
        var bindings = bindings(source, problems);
        boolean brokenBindings = problems.errors().size() > beforeBindings;
        var httpTrigger = trigger(source, bindings, brokenBindings, folder, routePrefix, problems);
        if (problems.errors().size() > errorsBefore) return Optional.empty();
        if (disabled(source, problems)) return Optional.empty();
        var function = new FunctionDef(folder, dir.resolve(file), bindings.stream().map(Located::binding).toList(),
                httpTrigger);
        var trigger = bindings.stream().filter(b -> BindingReader.isTrigger(b.binding().type())).findFirst().orElseThrow();
        return Optional.of(new Loaded(function, file, trigger.field(), source.line(SourceDoc.child(trigger.field(), "route"))));
    }

    /// A binding with the field path it was read from (`bindings[2]`), for messages.
    private record Located(String field, JsonNode node, Binding binding) {}

    private static void checkName(String folder, Path file, Problems problems) {
        if (!NAME.matcher(folder).matches() || folder.length() > MAX_NAME) {
            var suggestion = folder.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^[^A-Za-z]+", "");
            problems.error(file, 0, "", "\"" + folder + "\" is not a valid function name: the folder name is the "
                    + "function name, and must start with a letter and hold only letters, digits, '_' and '-' "
                    + "(at most " + MAX_NAME + ").", "rename the folder" + (suggestion.isEmpty() ? "" : ", e.g. to \""
                    + suggestion + "\"") + ".");
        }
    }

    private static List<Located> bindings(SourceDoc doc, Problems problems) {
        var entry = Fields.find(doc.root(), "bindings", true);
        if (entry.isEmpty() || !entry.get().getValue().isArray()) {
            problems.error(doc, entry.map(Map.Entry::getKey).orElse("bindings"), entry.isEmpty()
                    ? "the field is missing." : "bindings must be a list, found "
                    + SourceParser.describe(entry.get().getValue()) + ".",
                    "add \"bindings\": [ … ] with one trigger, e.g. {\"type\": \"httpTrigger\", \"direction\": \"in\", "
                            + "\"name\": \"req\"}.");
            return List.of();
        }
        var array = entry.get().getValue();
        var result = new ArrayList<Located>();
        var names = new HashMap<String, String>();
        for (int i = 0; i < array.size(); i++) {
            var field = SourceDoc.item(entry.get().getKey(), i);
            var binding = BindingReader.read(doc, field, array.get(i), problems);
            if (binding.isEmpty()) continue;
            var previous = names.putIfAbsent(binding.get().name().toLowerCase(Locale.ROOT), field);
            if (previous != null) {
                problems.error(doc, SourceDoc.child(field, "name"), "the binding name \"" + binding.get().name()
                        + "\" is already used by " + previous + ".", "give every binding of a function its own name.");
            }
            result.add(new Located(field, array.get(i), binding.get()));
        }
        return result;
    }

    private static Optional<HttpTrigger> trigger(SourceDoc doc, List<Located> bindings, boolean brokenBindings,
                                                 String function, String routePrefix, Problems problems) {
        var triggers = bindings.stream().filter(b -> BindingReader.isTrigger(b.binding().type())).toList();
        if (triggers.size() != 1) {
            boolean none = triggers.isEmpty();
            // A broken binding may be the missing trigger; its own problem says more than "no trigger".
            if (none && brokenBindings) return Optional.empty();
            problems.error(doc, none ? "bindings" : triggers.get(1).field(), none
                    ? "the function has no trigger; it would never run."
                    : "the function has " + triggers.size() + " triggers (" + String.join(", ",
                    triggers.stream().map(t -> t.field() + " " + t.binding().type()).toList())
                    + "); a function has exactly one.", none
                    ? "add one binding whose type ends in \"Trigger\", e.g. {\"type\": \"httpTrigger\", "
                    + "\"direction\": \"in\", \"name\": \"req\"}."
                    : "keep one trigger and move the other into a function of its own.");
            return Optional.empty();
        }
        var trigger = triggers.getFirst();
        if (trigger.binding().type().equals("timerTrigger")) checkSchedule(doc, trigger, problems);
        if (!trigger.binding().type().equals("httpTrigger")) return Optional.empty();
        return HttpTriggerReader.read(doc, trigger.field(), trigger.node(), function, routePrefix, problems);
    }

    /// The NCRONTAB expression itself is the timer's business; a missing one is caught here, at load.
    private static void checkSchedule(SourceDoc doc, Located trigger, Problems problems) {
        var schedule = Fields.find(trigger.node(), "schedule", true).map(Map.Entry::getValue);
        var field = SourceDoc.child(trigger.field(), "schedule");
        if (schedule.isEmpty() || !schedule.get().isTextual() || schedule.get().asText().isBlank()) {
            problems.error(doc, field, "a timerTrigger needs a schedule.",
                    "add \"schedule\": an NCRONTAB expression with seconds, e.g. \"0 */5 * * * *\" (every 5 minutes).");
            return;
        }
        var text = schedule.get().asText().strip();
        if (text.startsWith("%") && text.endsWith("%")) return; // an app setting: checked when the timer starts
        try {
            TimerSchedule.parse(text, ZoneOffset.UTC, Map.of());
        } catch (CronFormatException e) {
            problems.error(doc, field, e.getMessage(), "write six fields, seconds first; `berth cron \"<expr>\"` "
                    + "lists when an expression fires.");
        }
    }

    private static boolean disabled(SourceDoc doc, Problems problems) {
        var entry = Fields.find(doc.root(), "disabled", true);
        if (entry.isEmpty() || !entry.get().getValue().asBoolean(false)) return false;
        problems.warning(doc, entry.get().getKey(), "the function is disabled; Berth does not serve it.",
                "remove \"disabled\" (or set it to false) to run it.");
        return true;
    }
}
