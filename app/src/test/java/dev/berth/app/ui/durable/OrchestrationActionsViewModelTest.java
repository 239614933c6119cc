package dev.berth.app.ui.durable;

import dev.berth.app.ui.fakes.FakeDialogs;
import dev.berth.app.ui.fakes.FakeDurable;
import dev.berth.app.ui.fakes.FakeRunner;
import dev.berth.app.ui.fakes.ManualEventPipe;
import dev.berth.app.ui.fakes.SameThreadTaskExecutor;
import dev.berth.app.ui.run.RunViewModel;
import dev.berth.runner.durable.DurableException;
import dev.berth.runner.durable.RuntimeStatus;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.berth.app.ui.durable.OrchestrationsViewModelTest.T0;
import static dev.berth.app.ui.fakes.FakeDurable.info;
import static org.assertj.core.api.Assertions.assertThat;

class OrchestrationActionsViewModelTest {
    @TempDir Path project;
    private final FakeRunner runner = new FakeRunner();
    private final FakeDurable durable = new FakeDurable();
    private final FakeDialogs dialogs = new FakeDialogs();
    private RunViewModel run;
    private OrchestrationsViewModel model;
    private OrchestrationActionsViewModel actions;

    @BeforeEach
    void open() {
        for (var status : RuntimeStatus.values()) {
            durable.put(info(status.azureName().toLowerCase(), "Flow", status, T0, null), List.of());
        }
        runner.durable = durable;
        var tasks = new SameThreadTaskExecutor();
        run = new RunViewModel(runner, project, 0, tasks, new ManualEventPipe(), new SimpleBooleanProperty(true));
        model = new OrchestrationsViewModel(run, tasks, dialogs);
        actions = model.actions();
        run.run();
    }

    @AfterEach
    void close() {
        run.dispose();
    }

    @Test
    void enabled_followsTheOpenInstancesStatus() {
        assertThat(enabled()).as("nothing open").containsExactly("start");
        model.open("running");
        assertThat(enabled()).containsExactly("start", "raise", "suspend", "terminate", "restart");
        model.open("suspended");
        assertThat(enabled()).containsExactly("start", "raise", "resume", "terminate", "restart");
        model.open("failed");
        assertThat(enabled()).containsExactly("start", "rewind", "restart", "purge");
        model.open("completed");
        assertThat(enabled()).containsExactly("start", "restart", "purge");
        run.stop();
        assertThat(enabled()).as("not running").isEmpty();
    }

    @Test
    void start_withInput_startsItAndOpensTheNewInstance() {
        durable.declared = List.of("HelloCities", "Monitor");
        List<List<String>> offered = new java.util.ArrayList<>();
        dialogs.startOrchestration = names -> {
            offered.add(names);
            return Optional.of(new StartOrchestrationRequest("HelloCities", " my-id ", "{\"city\": \"Tokyo\"}\n"));
        };
        actions.start();
        assertThat(offered).containsExactly(List.of("HelloCities", "Monitor"));
        assertThat(durable.calls).containsExactly("start HelloCities my-id {\"city\": \"Tokyo\"}");
        assertThat(model.openIdProperty().get()).isEqualTo("my-id");
        assertThat(actions.messageProperty().get()).isEqualTo("Started HelloCities as my-id.");
        assertThat(model.instances().rows()).extracting(row -> row.instanceId()).contains("my-id");
    }

    @Test
    void start_badJson_saysWhereAndSendsNothing() {
        dialogs.startOrchestration = names -> Optional.of(new StartOrchestrationRequest("Hello", "", "{\"city\": Tokyo}"));
        actions.start();
        assertThat(durable.calls).isEmpty();
        assertThat(actions.failedProperty().get()).isTrue();
        assertThat(actions.messageProperty().get()).startsWith("Nothing sent. The input is not valid JSON at line 1, column 1")
                .contains("Fix it, or clear the field");
    }

    @Test
    void start_emptyInput_startsWithoutOne() {
        dialogs.startOrchestration = names -> Optional.of(new StartOrchestrationRequest("Hello", "", "  "));
        actions.start();
        assertThat(durable.calls).containsExactly("start Hello - null");
    }

    @Test
    void raiseEvent_sendsNameAndPayloadToTheOpenInstance() {
        model.open("running");
        dialogs.raiseEvent = id -> Optional.of(new RaiseEventRequest("Approval", "{\"ok\": true}"));
        actions.raiseEvent();
        assertThat(durable.calls).containsExactly("raise running Approval {\"ok\": true}");
        assertThat(actions.messageProperty().get()).isEqualTo("Raised Approval on running.");
    }

    @Test
    void raiseEvent_badPayload_sendsNothing() {
        model.open("running");
        dialogs.raiseEvent = id -> Optional.of(new RaiseEventRequest("Approval", "[1, 2"));
        actions.raiseEvent();
        assertThat(durable.calls).isEmpty();
        assertThat(actions.messageProperty().get()).contains("The payload is not valid JSON");
    }

    @Test
    void terminate_asksFirst_andCancelSendsNothing() {
        model.open("running");
        dialogs.confirmAnswer = false;
        actions.terminate();
        assertThat(durable.calls).isEmpty();
        dialogs.confirmAnswer = true;
        actions.terminate();
        assertThat(durable.calls).containsExactly("terminate running");
        assertThat(model.instance().detailProperty().get().row().status()).isEqualTo("Terminated");
        assertThat(dialogs.confirmations).containsExactly("Terminate running?", "Terminate running?");
    }

    @Test
    void suspendThenResume_moveTheInstanceAndTheButtons() {
        model.open("running");
        actions.suspend();
        assertThat(actions.canResumeProperty().get()).isTrue();
        actions.resume();
        assertThat(durable.calls).containsExactly("suspend running", "resume running");
        assertThat(actions.canSuspendProperty().get()).isTrue();
    }

    @Test
    void backendRefusal_showsItsMessage() {
        model.open("failed");
        durable.refusal = new DurableException(DurableException.Reason.WRONG_STATE, "instance failed was purged meanwhile");
        actions.rewind();
        assertThat(actions.failedProperty().get()).isTrue();
        assertThat(actions.messageProperty().get()).isEqualTo("Instance failed was purged meanwhile");
    }

    @Test
    void purge_closesTheInstance() {
        model.open("completed");
        actions.purge();
        assertThat(durable.calls).containsExactly("purge completed");
        assertThat(model.openIdProperty().get()).isNull();
        assertThat(model.instances().rows()).extracting(row -> row.instanceId()).doesNotContain("completed");
    }

    @Test
    void restart_opensTheNewInstance() {
        model.open("failed");
        actions.restart();
        assertThat(durable.calls).containsExactly("restart failed", "start Flow - {\"from\":\"test\"}");
        assertThat(model.openIdProperty().get()).isEqualTo("started-1");
    }

    private List<String> enabled() {
        var all = new java.util.LinkedHashMap<String, Boolean>();
        all.put("start", actions.canStartProperty().get());
        all.put("raise", actions.canRaiseProperty().get());
        all.put("suspend", actions.canSuspendProperty().get());
        all.put("resume", actions.canResumeProperty().get());
        all.put("terminate", actions.canTerminateProperty().get());
        all.put("rewind", actions.canRewindProperty().get());
        all.put("restart", actions.canRestartProperty().get());
        all.put("purge", actions.canPurgeProperty().get());
        return all.entrySet().stream().filter(java.util.Map.Entry::getValue).map(java.util.Map.Entry::getKey).toList();
    }
}
