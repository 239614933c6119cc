package dev.berth.app.ui;

import dev.berth.app.ui.start.NewProjectViewModel;
import dev.berth.app.ui.storage.EnqueueRequest;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/// Every dialog and chooser the app shows (and the hand-off to the browser), behind one interface so view models are tested with a fake.
/// Called on the FX thread; the dialog methods block (nested event loop) until the user answers.
public interface DialogService {
    /// A folder chosen by the user, starting at `initial` when it exists.
    Optional<Path> chooseDirectory(String title, Path initial);

    void showError(String title, String message);

    /// Asked before a tab with unsaved changes closes.
    DirtyChoice confirmDiscard(String fileName);

    /// Shows the new-project wizard for `model`; answers the created project folder, or empty when cancelled.
    Optional<Path> showNewProject(NewProjectViewModel model);

    /// Opens `uri` in the default browser, without blocking; explains when there is none.
    void openInBrowser(URI uri);

    /// Shows the "Run now" dialog for `model` until the user closes it.
    void showRunNow(dev.berth.app.ui.trigger.RunNowViewModel model);

    /// Asks for a queue message (a JSON editor; plain text allowed), for `queue` or another one the user
    /// types; empty when cancelled.
    Optional<EnqueueRequest> showEnqueue(String queue);

    /// Files the user picks to open (e.g. to upload); empty when cancelled.
    List<Path> chooseFiles(String title);

    /// Where to save a file, suggesting `fileName`; empty when cancelled.
    Optional<Path> chooseSaveFile(String title, String fileName);

    /// Asks before something that cannot be undone; true when the user chose `action` (e.g. "Delete").
    boolean confirm(String title, String message, String action);

    /// One line of text (e.g. a new container's name); empty when cancelled.
    Optional<String> askText(String title, String prompt, String initial);

    /// Asks which orchestration to start (one of `names`, or typed when empty), under which instance id and
    /// with which JSON input; empty when cancelled.
    Optional<dev.berth.app.ui.durable.StartOrchestrationRequest> showStartOrchestration(List<String> names);

    /// Asks for the name and JSON payload of an event to raise on `instanceId`; empty when cancelled.
    Optional<dev.berth.app.ui.durable.RaiseEventRequest> showRaiseEvent(String instanceId);

    /// What to do with unsaved changes.
    enum DirtyChoice { SAVE, DISCARD, CANCEL }
}
