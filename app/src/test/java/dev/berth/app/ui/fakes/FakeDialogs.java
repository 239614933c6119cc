package dev.berth.app.ui.fakes;

import dev.berth.app.ui.DialogService;
import dev.berth.app.ui.start.NewProjectViewModel;
import dev.berth.app.ui.storage.EnqueueRequest;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/// Scripted answers; records every error shown.
public final class FakeDialogs implements DialogService {
    public final List<String> errors = new ArrayList<>();
    public final List<URI> browsed = new ArrayList<>();
    public Path chosenDirectory;
    public DirtyChoice dirtyChoice = DirtyChoice.CANCEL;
    public Function<NewProjectViewModel, Optional<Path>> wizard = model -> Optional.empty();
    public final List<dev.berth.app.ui.trigger.RunNowViewModel> runNows = new ArrayList<>();

    @Override public Optional<Path> chooseDirectory(String title, Path initial) { return Optional.ofNullable(chosenDirectory); }

    @Override public void showError(String title, String message) { errors.add(title + ": " + message); }

    @Override public DirtyChoice confirmDiscard(String fileName) { return dirtyChoice; }

    @Override public void openInBrowser(URI uri) { browsed.add(uri); }

    @Override public void showRunNow(dev.berth.app.ui.trigger.RunNowViewModel model) { runNows.add(model); }

    @Override public Optional<Path> showNewProject(NewProjectViewModel model) { return wizard.apply(model); }

    // ---- storage explorers ----
    public Function<String, Optional<EnqueueRequest>> enqueue = queue -> Optional.empty();
    public List<Path> chosenFiles = List.of();
    public Path saveTarget;
    public boolean confirmAnswer = true;
    public final List<String> confirmations = new ArrayList<>();
    public String typedText;

    @Override public Optional<EnqueueRequest> showEnqueue(String queue) { return enqueue.apply(queue); }

    @Override public List<Path> chooseFiles(String title) { return chosenFiles; }

    @Override public Optional<Path> chooseSaveFile(String title, String fileName) { return Optional.ofNullable(saveTarget); }

    @Override public boolean confirm(String title, String message, String action) {
        confirmations.add(title);
        return confirmAnswer;
    }

    // ---- orchestrations ----
    public Function<List<String>, Optional<dev.berth.app.ui.durable.StartOrchestrationRequest>> startOrchestration =
            names -> Optional.empty();
    public Function<String, Optional<dev.berth.app.ui.durable.RaiseEventRequest>> raiseEvent = id -> Optional.empty();

    @Override public Optional<dev.berth.app.ui.durable.StartOrchestrationRequest> showStartOrchestration(List<String> names) {
        return startOrchestration.apply(names);
    }

    @Override public Optional<dev.berth.app.ui.durable.RaiseEventRequest> showRaiseEvent(String instanceId) {
        return raiseEvent.apply(instanceId);
    }

    @Override public Optional<String> askText(String title, String prompt, String initial) {
        return Optional.ofNullable(typedText);
    }
}
