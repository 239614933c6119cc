package dev.berth.runner.eventgrid;

import dev.berth.runner.project.FunctionDef;
import dev.berth.runner.project.ProjectException;
import dev.berth.runner.project.ProjectProblem;
import dev.berth.runner.project.ProjectProblem.Severity;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/// The project's Event Grid subscriptions, read from `eventgrid.yaml` in the project folder. Azure keeps event
/// subscriptions outside function.json (they are made with `az eventgrid event-subscription create`), so
/// Berth keeps them in a file of their own:
/// ```yaml
/// subscriptions:
///   - name: new-orders
///     function: OnOrder
///     source: topic:orders          # or: storage
///     filter:
///       subjectBeginsWith: /orders/
///       subjectEndsWith: .json
///       includedEventTypes: [Contoso.Orders.OrderPlaced]
///     maxDeliveryAttempts: 30       # 1–30
///     eventTtlMinutes: 1440         # 1–1440
/// ```
/// A missing file means no subscriptions. `problems` hold every ERROR and WARNING, with file, line, field and
/// fix; subscriptions with errors are left out. Immutable.
public record EventGridConfig(List<Subscription> subscriptions, List<ProjectProblem> problems) {
    public static final String FILE = "eventgrid.yaml";
    static final Path PATH = Path.of(FILE);

    public EventGridConfig {
        subscriptions = List.copyOf(subscriptions);
        problems = List.copyOf(problems);
    }

    /// Reads `projectDir/eventgrid.yaml` against the project's functions.
    public static EventGridConfig load(Path projectDir, Collection<FunctionDef> functions) {
        var all = functions.stream().map(FunctionDef::name).collect(Collectors.toSet());
        var eventGrid = functions.stream()
                .filter(f -> f.trigger().map(t -> t.type().equalsIgnoreCase("eventGridTrigger")).orElse(false))
                .map(FunctionDef::name).collect(Collectors.toSet());
        return load(projectDir, eventGrid, all);
    }

    /// `eventGridFunctions`: functions whose trigger is an eventGridTrigger; `allFunctions`: every function,
    /// so that a subscription naming another kind of function is told apart from a typo.
    public static EventGridConfig load(Path projectDir, Set<String> eventGridFunctions, Set<String> allFunctions) {
        var problems = new ArrayList<ProjectProblem>();
        var subscriptions = subscriptions(projectDir, eventGridFunctions, allFunctions, problems);
        if (problems.stream().noneMatch(p -> p.severity() == Severity.ERROR)) {
            unsubscribed(eventGridFunctions, subscriptions, problems);
        }
        return new EventGridConfig(subscriptions, problems);
    }

    private static List<Subscription> subscriptions(Path projectDir, Set<String> eventGridFunctions,
                                                    Set<String> allFunctions, List<ProjectProblem> problems) {
        var text = read(projectDir.resolve(FILE), problems);
        if (text == null) return List.of();
        YamlDoc doc;
        try {
            doc = YamlDoc.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (YamlDoc.SyntaxException e) {
            problems.add(error(e.line(), "", "invalid YAML: " + e.getMessage() + ".", e.fix()));
            return List.of();
        }
        // Function names compare ignoring case, as in Azure.
        var eventGrid = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        eventGrid.addAll(eventGridFunctions);
        var all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.addAll(allFunctions);
        return new SubscriptionReader(doc, eventGrid, all, problems).read();
    }

    /// An eventGridTrigger function no subscription names never runs; in Azure the subscription is made apart
    /// from the code, so this is easy to forget.
    private static void unsubscribed(Set<String> eventGridFunctions, List<Subscription> subscriptions,
                                     List<ProjectProblem> problems) {
        var subscribed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        subscriptions.forEach(s -> subscribed.add(s.function()));
        eventGridFunctions.stream().filter(f -> !subscribed.contains(f)).sorted().forEach(f -> problems.add(warning(0, "",
                "the eventGridTrigger function \"" + f + "\" has no subscription, so no event reaches it.",
                "add `- {name: " + f.toLowerCase(java.util.Locale.ROOT) + "-events, function: " + f
                        + ", source: topic:<name>}` under `subscriptions:` (or `source: storage` for blob events).")));
    }

    /// The file's text; null (with no problem) when there is no file, or null with a problem when it is unreadable.
    private static String read(Path file, List<ProjectProblem> problems) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (MalformedInputException e) {
            problems.add(error(0, "", "the file is not UTF-8 text.", "save it with UTF-8 encoding."));
            return null;
        } catch (IOException e) {
            problems.add(error(0, "", "cannot be read: " + e.getMessage() + ".", "check that you may read the file."));
            return null;
        }
    }

    static ProjectProblem error(int line, String field, String message, String fix) {
        return new ProjectProblem(PATH, line, field, message, fix, Severity.ERROR);
    }

    static ProjectProblem warning(int line, String field, String message, String fix) {
        return new ProjectProblem(PATH, line, field, message, fix, Severity.WARNING);
    }

    public List<ProjectProblem> errors() { return of(Severity.ERROR); }

    public List<ProjectProblem> warnings() { return of(Severity.WARNING); }

    /// The subscriptions, or every error at once.
    public List<Subscription> orThrow() throws ProjectException {
        if (!errors().isEmpty()) throw new ProjectException(errors());
        return subscriptions;
    }

    private List<ProjectProblem> of(Severity severity) {
        return problems.stream().filter(p -> p.severity() == severity).toList();
    }
}
