package dev.berth.app.ui.durable;

import dev.berth.app.ui.DialogService;
import dev.berth.runner.durable.RuntimeStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/// What a user does with orchestrations: start a new instance, and raise an event to, suspend, resume,
/// terminate, rewind, restart or purge the open one. Each is enabled only in the states the backend accepts
/// (rewind only when Failed, resume only when Suspended …). Payloads are checked as JSON before anything is
/// sent; what happened (or why the backend refused) shows in one status line. FX thread only.
public final class OrchestrationActionsViewModel {
    private static final Set<RuntimeStatus> ACTIVE = EnumSet.of(RuntimeStatus.PENDING, RuntimeStatus.RUNNING,
            RuntimeStatus.SUSPENDED);
    private static final String BY_BERTH = "from the Berth desktop app";

    private final DurableAccess access;
    private final DialogService dialogs;
    private final ReadOnlyObjectProperty<InstanceDetail> open;
    private final Consumer<String> opened;
    private final Runnable changed;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canStart;
    private final BooleanBinding canRaise;
    private final BooleanBinding canSuspend;
    private final BooleanBinding canResume;
    private final BooleanBinding canTerminate;
    private final BooleanBinding canRewind;
    private final BooleanBinding canRestart;
    private final BooleanBinding canPurge;

    /// `open` is the instance shown; `opened` opens another one (a started or restarted instance); `changed`
    /// reads the list and the open instance again.
    OrchestrationActionsViewModel(DurableAccess access, DialogService dialogs, ReadOnlyObjectProperty<InstanceDetail> open,
                                  Consumer<String> opened, Runnable changed) {
        this.access = access;
        this.dialogs = dialogs;
        this.open = open;
        this.opened = opened;
        this.changed = changed;
        canStart = Bindings.createBooleanBinding(() -> access.availableProperty().get(), access.availableProperty());
        canRaise = when(ACTIVE);
        canSuspend = when(EnumSet.of(RuntimeStatus.PENDING, RuntimeStatus.RUNNING));
        canResume = when(EnumSet.of(RuntimeStatus.SUSPENDED));
        canTerminate = when(ACTIVE);
        canRewind = when(EnumSet.of(RuntimeStatus.FAILED));
        canRestart = when(EnumSet.allOf(RuntimeStatus.class));
        canPurge = when(EnumSet.of(RuntimeStatus.COMPLETED, RuntimeStatus.FAILED, RuntimeStatus.TERMINATED,
                RuntimeStatus.CANCELED));
    }

    private BooleanBinding when(Set<RuntimeStatus> statuses) {
        return Bindings.createBooleanBinding(() -> access.availableProperty().get() && status().map(statuses::contains)
                .orElse(false), access.availableProperty(), open);
    }

    private Optional<RuntimeStatus> status() {
        var shown = open.get();
        return shown == null || !shown.exists() ? Optional.empty() : Optional.of(RuntimeStatus.parse(shown.row().status()));
    }

    /// Asks for an orchestration name, an instance id and an input, and starts it.
    public void start() {
        if (!canStart.get()) return;
        access.call((control, hub) -> control.declaredOrchestrations(), names -> dialogs.showStartOrchestration(names)
                .ifPresent(this::start), this::refused);
    }

    private void start(StartOrchestrationRequest request) {
        var name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            report("Nothing started: choose the orchestration to start (its function's folder name).", true);
            return;
        }
        if (rejected("The input", request.input())) return;
        var id = request.instanceId() == null || request.instanceId().isBlank()
                ? Optional.<String>empty() : Optional.of(request.instanceId().strip());
        var input = JsonInput.payload(request.input());
        access.call((control, hub) -> control.start(hub, name, id, input, Optional.empty()),
                started -> openNew("Started " + name + " as " + started + ".", started), this::refused);
    }

    /// Asks for an event's name and payload and raises it on the open instance.
    public void raiseEvent() {
        if (!canRaise.get()) return;
        var id = open.get().instanceId();
        dialogs.showRaiseEvent(id).ifPresent(request -> {
            var name = request.name() == null ? "" : request.name().strip();
            if (name.isEmpty()) {
                report("No event raised: give the event a name, the one the orchestrator waits for.", true);
                return;
            }
            if (rejected("The payload", request.payload())) return;
            var payload = JsonInput.payload(request.payload());
            act(id, (control, hub) -> control.raiseEvent(hub, id, name, payload), "Raised " + name + " on " + id + ".");
        });
    }

    public void suspend() {
        if (!canSuspend.get()) return;
        var id = open.get().instanceId();
        act(id, (control, hub) -> control.suspend(hub, id, "suspended " + BY_BERTH), "Suspended " + id + ".");
    }

    public void resume() {
        if (!canResume.get()) return;
        var id = open.get().instanceId();
        act(id, (control, hub) -> control.resume(hub, id, "resumed " + BY_BERTH), "Resumed " + id + ".");
    }

    public void terminate() {
        if (!canTerminate.get()) return;
        var id = open.get().instanceId();
        if (!dialogs.confirm("Terminate " + id + "?", "The instance stops for good; activities already running finish,"
                + " but their results are ignored.", "Terminate")) return;
        act(id, (control, hub) -> control.terminate(hub, id, "\"terminated " + BY_BERTH + "\""), "Terminated " + id + ".");
    }

    public void rewind() {
        if (!canRewind.get()) return;
        var id = open.get().instanceId();
        act(id, (control, hub) -> control.rewind(hub, id, "rewound " + BY_BERTH),
                "Rewound " + id + ": its failed steps run again.");
    }

    /// Starts the open instance's orchestration again with the same input, under a new instance id.
    public void restart() {
        if (!canRestart.get()) return;
        var id = open.get().instanceId();
        access.call((control, hub) -> control.restart(hub, id, true),
                restarted -> openNew("Restarted " + id + " as " + restarted + ".", restarted), this::refused);
    }

    public void purge() {
        if (!canPurge.get()) return;
        var id = open.get().instanceId();
        if (!dialogs.confirm("Purge " + id + "?", "The instance and its history are deleted for good.", "Purge")) return;
        access.call((control, hub) -> control.purge(hub, id),
                count -> openNew(count > 0 ? "Purged " + id + "." : id + " was already gone.", null), this::refused);
    }

    /// Reports `done` and opens `id` (null closes the detail), then reads the list again.
    private void openNew(String done, String id) {
        report(done, false);
        opened.accept(id);
        changed.run();
    }

    private void act(String id, Action action, String done) {
        access.call((control, hub) -> {
            action.run(control, hub);
            return id;
        }, ignored -> {
            report(done, false);
            changed.run();
        }, this::refused);
    }

    private boolean rejected(String what, String json) {
        var problem = JsonInput.problem(what, json);
        problem.ifPresent(text -> report("Nothing sent. " + text, true));
        return problem.isPresent();
    }

    private void refused(Exception failure) {
        var why = failure.getMessage() == null || failure.getMessage().isBlank() ? failure.toString() : failure.getMessage();
        report(Character.toUpperCase(why.charAt(0)) + why.substring(1), true);
        changed.run(); // the refusal often means the instance moved on: show where it is now
    }

    private void report(String text, boolean error) {
        failed.set(error);
        message.set(text);
    }

    @FunctionalInterface
    private interface Action {
        void run(dev.berth.runner.durable.DurableControl control, String hub) throws Exception;
    }

    public BooleanBinding canStartProperty() { return canStart; }
    public BooleanBinding canRaiseProperty() { return canRaise; }
    public BooleanBinding canSuspendProperty() { return canSuspend; }
    public BooleanBinding canResumeProperty() { return canResume; }
    public BooleanBinding canTerminateProperty() { return canTerminate; }
    public BooleanBinding canRewindProperty() { return canRewind; }
    public BooleanBinding canRestartProperty() { return canRestart; }
    public BooleanBinding canPurgeProperty() { return canPurge; }

    /// What the last action did, or why it was refused.
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /// Whether `message` reports a refusal.
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
}
