package dev.berth.runner.eventgrid;

import dev.berth.runner.project.Binding;
import dev.berth.runner.project.FunctionDef;
import dev.berth.runner.project.ProjectException;
import dev.berth.runner.project.ProjectProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/// eventgrid.yaml: subscriptions with defaults, and every mistake reported with file, line, field and fix.
class EventGridConfigTest {
    @TempDir Path dir;

    private static FunctionDef function(String name, String triggerType) {
        var binding = new Binding(triggerType, "in", "event", Map.of("type", triggerType, "direction", "in", "name", "event"));
        return new FunctionDef(name, Path.of(name, "function.json"), List.of(binding), Optional.empty());
    }

    private static final List<FunctionDef> FUNCTIONS = List.of(function("OnOrder", "eventGridTrigger"),
            function("OnBlob", "eventGridTrigger"), function("Hello", "httpTrigger"));

    private EventGridConfig load(String yaml) throws IOException {
        Files.writeString(dir.resolve("eventgrid.yaml"), yaml);
        return EventGridConfig.load(dir, FUNCTIONS);
    }

    private List<String> errors(String yaml) throws IOException {
        var config = load(yaml);
        return config.errors().stream().map(ProjectProblem::describe).toList();
    }

    @Test
    void load_noFileAndNoEventGridFunctions_hasNoSubscriptionsAndNoProblems() {
        var config = EventGridConfig.load(dir, List.of(function("Hello", "httpTrigger")));

        assertThat(config.subscriptions()).isEmpty();
        assertThat(config.problems()).isEmpty();
    }

    @Test
    void load_noFile_warnsAboutEachEventGridFunctionThatNothingReaches() {
        var config = EventGridConfig.load(dir, FUNCTIONS);

        assertThat(config.subscriptions()).isEmpty();
        assertThat(config.errors()).isEmpty();
        assertThat(config.warnings()).extracting(ProjectProblem::describe).containsExactly(
                "eventgrid.yaml: the eventGridTrigger function \"OnBlob\" has no subscription, so no event reaches it. "
                        + "Fix: add `- {name: onblob-events, function: OnBlob, source: topic:<name>}` under "
                        + "`subscriptions:` (or `source: storage` for blob events).",
                "eventgrid.yaml: the eventGridTrigger function \"OnOrder\" has no subscription, so no event reaches it. "
                        + "Fix: add `- {name: onorder-events, function: OnOrder, source: topic:<name>}` under "
                        + "`subscriptions:` (or `source: storage` for blob events).");
    }

    @Test
    void load_fullSubscription_readsEveryField() throws IOException {
        var config = load("""
                subscriptions:
                  - name: new-orders
                    function: onorder
                    source: topic:orders
                    filter:
                      subjectBeginsWith: /orders/
                      subjectEndsWith: .json
                      includedEventTypes: [Contoso.Orders.OrderPlaced, Contoso.Orders.OrderPaid]
                      isSubjectCaseSensitive: true
                    maxDeliveryAttempts: 5
                    eventTtlMinutes: 30
                  - name: blobs
                    function: OnBlob
                    source: storage
                """);

        assertThat(config.problems()).isEmpty();
        var orders = config.subscriptions().getFirst();
        assertThat(orders.name()).isEqualTo("new-orders");
        assertThat(orders.function()).isEqualTo("OnOrder");
        assertThat(orders.source()).isEqualTo(new Subscription.Source.Topic("orders"));
        assertThat(orders.filter()).isEqualTo(new Subscription.Filter("/orders/", ".json",
                List.of("Contoso.Orders.OrderPlaced", "Contoso.Orders.OrderPaid"), true));
        assertThat(orders.maxDeliveryAttempts()).isEqualTo(5);
        assertThat(orders.eventTtl()).isEqualTo(Duration.ofMinutes(30));
        var blobs = config.subscriptions().get(1);
        assertThat(blobs.source()).isEqualTo(new Subscription.Source.Storage());
        assertThat(blobs.filter()).isEqualTo(Subscription.Filter.ALL);
        assertThat(blobs.maxDeliveryAttempts()).isEqualTo(30);
        assertThat(blobs.eventTtl()).isEqualTo(Duration.ofMinutes(1440));
    }

    @Test
    void load_unknownFunction_namesTheEventGridFunctions() throws IOException {
        assertThat(errors("""
                subscriptions:
                  - name: orders
                    function: OnOrdr
                    source: topic:orders
                """)).containsExactly("eventgrid.yaml:3 subscriptions[0].function: there is no function \"OnOrdr\". "
                + "Fix: use one of the eventGridTrigger functions: OnBlob, OnOrder.");
    }

    @Test
    void load_functionWithAnotherTrigger_isRejectedNamingTheEventGridFunctions() throws IOException {
        assertThat(errors("""
                subscriptions:
                  - name: orders
                    function: Hello
                    source: topic:orders
                """)).containsExactly("eventgrid.yaml:3 subscriptions[0].function: the function \"Hello\" is not "
                + "triggered by Event Grid (its trigger is not an eventGridTrigger). Fix: use one of the eventGridTrigger "
                + "functions: OnBlob, OnOrder, or change the function's trigger binding to eventGridTrigger.");
    }

    @Test
    void load_projectWithoutEventGridFunctions_saysSo() throws IOException {
        Files.writeString(dir.resolve("eventgrid.yaml"), "subscriptions:\n  - {name: orders, function: Hello, source: storage}\n");

        var config = EventGridConfig.load(dir, List.of(function("Hello", "httpTrigger")));

        assertThat(config.errors()).singleElement().extracting(ProjectProblem::fix).asString()
                .startsWith("the project has no eventGridTrigger function; add one");
    }

    @Test
    void load_badSources_sayWhatIsAccepted() throws IOException {
        assertThat(errors("""
                subscriptions:
                  - name: one
                    function: OnOrder
                    source: queue:orders
                  - name: two
                    function: OnOrder
                    source: "topic:no"
                  - name: three
                    function: OnOrder
                """)).containsExactly(
                "eventgrid.yaml:4 subscriptions[0].source: \"queue:orders\" is not a source Berth knows. Fix: write "
                        + "`topic:<name>` for a custom topic (published at /eventgrid/topics/<name>/api/events), or "
                        + "`storage` for the project's blob store.",
                "eventgrid.yaml:7 subscriptions[1].source: \"no\" is not a valid topic name. Fix: use 3 to 50 letters, "
                        + "digits and hyphens after `topic:`, e.g. `topic:orders`.",
                "eventgrid.yaml:8 subscriptions[2].source: missing. Fix: add `source:` with `topic:<name>` for a custom "
                        + "topic, or `storage` for the blob store.");
    }

    @Test
    void load_badFilters_nameTheFieldAndTheFix() throws IOException {
        assertThat(errors("""
                subscriptions:
                  - name: one
                    function: OnOrder
                    source: storage
                    filter:
                      subjectBeginsWith: 5
                      includedEventTypes: Microsoft.Storage.BlobCreated
                      isSubjectCaseSensitive: "yes"
                  - name: two
                    function: OnOrder
                    source: storage
                    filter:
                      includedEventTypes: [Microsoft.Storage.BlobCreated, 3, ""]
                  - name: three
                    function: OnOrder
                    source: storage
                    filter: everything
                """)).containsExactly(
                "eventgrid.yaml:6 subscriptions[0].filter.subjectBeginsWith: must be text, not the number 5. Fix: put the "
                        + "value in quotes, e.g. subjectBeginsWith: \"/orders/\".",
                "eventgrid.yaml:7 subscriptions[0].filter.includedEventTypes: must be a list of event types, not the text "
                        + "\"Microsoft.Storage.BlobCreated\". Fix: write it as a list, e.g. `includedEventTypes: "
                        + "[Microsoft.Storage.BlobCreated]`.",
                "eventgrid.yaml:8 subscriptions[0].filter.isSubjectCaseSensitive: must be true or false, not the text "
                        + "\"yes\". Fix: write true or false without quotes.",
                "eventgrid.yaml:13 subscriptions[1].filter.includedEventTypes[1]: an event type must be non-empty text, not "
                        + "the number 3. Fix: write the event type's name, e.g. Contoso.Orders.OrderPlaced.",
                "eventgrid.yaml:13 subscriptions[1].filter.includedEventTypes[2]: an event type must be non-empty text, not "
                        + "the text \"\". Fix: write the event type's name, e.g. Contoso.Orders.OrderPlaced.",
                "eventgrid.yaml:17 subscriptions[2].filter: must be a mapping, not the text \"everything\". Fix: indent "
                        + "subjectBeginsWith, subjectEndsWith and includedEventTypes below `filter:`.");
    }

    @Test
    void load_retryPolicyOutOfAzureBounds_isRejected() throws IOException {
        assertThat(errors("""
                subscriptions:
                  - name: one
                    function: OnOrder
                    source: storage
                    maxDeliveryAttempts: 31
                    eventTtlMinutes: 0
                  - name: two
                    function: OnOrder
                    source: storage
                    maxDeliveryAttempts: 2.5
                    eventTtlMinutes: a day
                """)).containsExactly(
                "eventgrid.yaml:5 subscriptions[0].maxDeliveryAttempts: must be a whole number from 1 to 30, not the "
                        + "number 31. Fix: set maxDeliveryAttempts to 1–30 attempts, or leave it out for 30.",
                "eventgrid.yaml:6 subscriptions[0].eventTtlMinutes: must be a whole number from 1 to 1440, not the number "
                        + "0. Fix: set eventTtlMinutes to 1–1440 minutes, or leave it out for 1440.",
                "eventgrid.yaml:10 subscriptions[1].maxDeliveryAttempts: must be a whole number from 1 to 30, not the "
                        + "number 2.5. Fix: set maxDeliveryAttempts to 1–30 attempts, or leave it out for 30.",
                "eventgrid.yaml:11 subscriptions[1].eventTtlMinutes: must be a whole number from 1 to 1440, not the text "
                        + "\"a day\". Fix: set eventTtlMinutes to 1–1440 minutes, or leave it out for 1440.");
    }

    @Test
    void load_duplicateAndInvalidNames_areRejected() throws IOException {
        assertThat(errors("""
                subscriptions:
                  - name: orders
                    function: OnOrder
                    source: storage
                  - name: Orders
                    function: OnOrder
                    source: storage
                  - name: my orders!
                    function: OnOrder
                    source: storage
                  - function: OnOrder
                    source: storage
                """)).containsExactly(
                "eventgrid.yaml:5 subscriptions[1].name: the name \"Orders\" is already used by subscriptions[0].name "
                        + "(names ignore case). Fix: give each subscription its own name.",
                "eventgrid.yaml:8 subscriptions[2].name: \"my orders!\" is not a valid subscription name. Fix: use 3 to 64 "
                        + "letters, digits and hyphens, as Azure does, e.g. `new-orders`.",
                "eventgrid.yaml:11 subscriptions[3].name: missing. Fix: add `name:` with a name such as `new-orders`.");
    }

    @Test
    void load_brokenEntry_isLeftOutWhileValidOnesStay() throws IOException {
        var config = load("""
                subscriptions:
                  - name: good
                    function: OnOrder
                    source: storage
                  - name: bad
                    function: Nope
                    source: storage
                """);

        assertThat(config.subscriptions()).extracting(Subscription::name).containsExactly("good");
        assertThatThrownBy(config::orThrow).isInstanceOf(ProjectException.class).hasMessageContaining("\"Nope\"");
    }

    @Test
    void load_unknownFields_areWarningsWithTheNearestName() throws IOException {
        var config = load("""
                subscriptions:
                  - name: good
                    function: OnOrder
                    source: storage
                    Filter: {}
                    endpoint: x
                topics: []
                """);

        assertThat(config.errors()).isEmpty();
        assertThat(config.subscriptions()).hasSize(1);
        assertThat(config.warnings()).extracting(ProjectProblem::describe).filteredOn(d -> !d.contains("has no subscription"))
                .containsExactlyInAnyOrder(
                "eventgrid.yaml:7 topics: unknown field \"topics\"; Berth ignores it. Fix: remove it, or use one of: subscriptions.",
                "eventgrid.yaml:5 subscriptions[0].Filter: unknown field \"Filter\"; Berth ignores it. Fix: write it as "
                        + "`filter` (names are case-sensitive).",
                "eventgrid.yaml:6 subscriptions[0].endpoint: unknown field \"endpoint\"; Berth ignores it. Fix: remove it, "
                        + "or use one of: eventTtlMinutes, filter, function, maxDeliveryAttempts, name, source.");
    }

    @Test
    void load_advancedFilters_warnThatTheyAreNotApplied() throws IOException {
        var config = load("""
                subscriptions:
                  - name: good
                    function: OnOrder
                    source: storage
                    filter:
                      subjectBeginsWith: /a
                      advancedFilters: [{operatorType: NumberGreaterThan, key: data.total, value: 5}]
                      includedEventType: [X]
                """);

        assertThat(config.errors()).isEmpty();
        assertThat(config.warnings()).extracting(ProjectProblem::describe).filteredOn(d -> !d.contains("has no subscription"))
                .containsExactly(
                "eventgrid.yaml:7 subscriptions[0].filter.advancedFilters: advanced filters are not applied locally: every "
                        + "event that passes the subject and type filters is delivered. Fix: test the function with that "
                        + "in mind, or narrow the events with subjectBeginsWith, subjectEndsWith and includedEventTypes.",
                "eventgrid.yaml:8 subscriptions[0].filter.includedEventType: unknown field \"includedEventType\"; Berth "
                        + "ignores it. Fix: remove it, or use one of: includedEventTypes, isSubjectCaseSensitive, "
                        + "subjectBeginsWith, subjectEndsWith.");
    }

    @Test
    void load_shapeMistakes_areErrors() throws IOException {
        assertThat(errors("- a\n- b\n")).containsExactly("eventgrid.yaml:1: the file must hold a YAML mapping with "
                + "`subscriptions:`, not a list. Fix: start the file with `subscriptions:` followed by a list of subscriptions.");
        assertThat(errors("subscriptions: orders\n")).containsExactly("eventgrid.yaml:1 subscriptions: must be a list, not "
                + "the text \"orders\". Fix: write each subscription as an item starting with `- name: …`.");
        assertThat(errors("subscriptions:\n  - orders\n")).containsExactly("eventgrid.yaml:2 subscriptions[0]: must be a "
                + "mapping (name, function, source, …), not the text \"orders\". Fix: write the subscription as `- name: …` "
                + "with its fields indented below.");
    }

    @Test
    void load_emptyFile_warnsThatNoEventReachesAFunction() throws IOException {
        var config = load("");

        assertThat(config.errors()).isEmpty();
        assertThat(config.warnings()).extracting(ProjectProblem::message)
                .contains("the file defines no subscriptions, so no event reaches a function.");
    }

    @Test
    void load_invalidYaml_reportsTheLine() throws IOException {
        var problems = errors("""
                subscriptions:
                  - name: a
                     function: OnOrder
                """);

        assertThat(problems).singleElement().asString().startsWith("eventgrid.yaml:3: invalid YAML: ");
    }

    @Test
    void load_tabIndentation_saysToUseSpaces() throws IOException {
        var problems = errors("subscriptions:\n\t- name: a\n");

        assertThat(problems).singleElement().asString().endsWith("Fix: indent with spaces; YAML does not allow tabs.");
    }

    @Test
    void load_duplicateKey_isReported() throws IOException {
        var problems = errors("""
                subscriptions:
                  - name: a
                    name: b
                """);

        assertThat(problems).containsExactly("eventgrid.yaml:3: invalid YAML: the key 'name' appears twice. Fix: keep "
                + "one of the two entries.");
    }
}
