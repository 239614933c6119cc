package dev.berth.app.ui.storage;

import dev.berth.app.ui.DialogService;
import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.app.ui.fx.Ticker;
import dev.berth.runner.blob.BlobProperties;
import dev.berth.runner.trigger.ProjectStorage;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/// The blob explorer: containers, the blobs of the selected one filtered by a name prefix, upload (files
/// dropped on the list or chosen), download, delete and create container. While visible it refreshes every
/// second off the FX thread, so blobs written by functions appear; hidden, it does not poll. FX thread only.
public final class BlobExplorerViewModel {
    static final Duration PERIOD = Duration.ofSeconds(1);
    /// Most blobs listed at once (Azure's page size).
    static final int MAX_LISTED = 5000;
    private static final String NO_CONTAINER =
            "Select a container first (or create one with \"New container…\"), then upload into it.";

    private final StorageAccess access;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final StatusLine status = new StatusLine();
    private final ObservableList<String> containers = FXCollections.observableArrayList();
    private final ObservableList<String> containersView = FXCollections.unmodifiableObservableList(containers);
    private final ObservableList<BlobProperties> blobs = FXCollections.observableArrayList();
    private final ObservableList<BlobProperties> blobsView = FXCollections.unmodifiableObservableList(blobs);
    private final ObjectProperty<String> selectedContainer = new SimpleObjectProperty<>(this, "selectedContainer");
    private final ObjectProperty<String> selectedBlob = new SimpleObjectProperty<>(this, "selectedBlob");
    private final StringProperty prefix = new SimpleStringProperty(this, "prefix", "");
    private final BooleanBinding hasContainer = selectedContainer.isNotNull();
    private final BooleanBinding hasBlob = selectedBlob.isNotNull();
    private final StoragePoller<Snapshot> poller;

    public BlobExplorerViewModel(StorageAccess access, TaskExecutor tasks, DialogService dialogs, Ticker ticker) {
        this.access = access;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.poller = new StoragePoller<>(access, tasks, ticker, PERIOD, () -> {
            var container = selectedContainer.get();
            var filter = prefix.get();
            return storage -> read(storage, container, filter);
        }, this::apply, status::failed);
        selectedContainer.addListener((o, was, now) -> {
            blobs.clear();
            refresh();
        });
        prefix.addListener((o, was, now) -> refresh());
    }

    /// Shown: refresh now and every second; hidden: stop polling.
    public void setVisible(boolean visible) { poller.setVisible(visible); }

    /// Refreshes when shown (after the storage behind it changed).
    void refreshIfVisible() {
        if (poller.isVisible()) refresh();
    }

    /// Reads containers and the selected container's blobs in the background, one read at a time.
    public void refresh() { poller.refresh(); }

    private record Snapshot(String container, String prefix, List<String> containers, List<BlobProperties> blobs) {}

    private static Snapshot read(ProjectStorage storage, String container, String prefix) {
        var names = storage.blobs().listContainers();
        var listed = container != null && names.contains(container)
                ? storage.blobs().list(container, prefix, MAX_LISTED, null).blobs() : List.<BlobProperties>of();
        return new Snapshot(container, prefix, names, listed);
    }

    private void apply(Snapshot snapshot) {
        status.clearUnavailable();
        if (!containers.equals(snapshot.containers())) containers.setAll(snapshot.containers());
        boolean current = Objects.equals(snapshot.container(), selectedContainer.get())
                && Objects.equals(snapshot.prefix(), prefix.get());
        if (current && !blobs.equals(snapshot.blobs())) blobs.setAll(snapshot.blobs());
    }

    /// Uploads `files` (dropped or chosen) into the selected container, each under its file name.
    public void upload(List<Path> files) {
        var container = selectedContainer.get();
        if (files.isEmpty()) return;
        if (container == null) {
            status.error(NO_CONTAINER);
            return;
        }
        tasks.run(() -> access.call(storage -> {
            for (var file : files) put(storage, container, file);
            return files.size();
        }), count -> {
            status.info("Uploaded " + (count == 1 ? files.getFirst().getFileName() : count + " files") + " to "
                    + container + ".");
            refresh();
        }, status::failed);
    }

    private static void put(ProjectStorage storage, String container, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file; drop or choose files (folders are not uploaded)");
        }
        var type = Files.probeContentType(file);
        try (var in = Files.newInputStream(file)) {
            storage.blobs().put(container, file.getFileName().toString(), in, type, Map.of(), null);
        }
    }

    /// Asks for files and uploads them.
    public void chooseAndUpload() {
        var container = selectedContainer.get();
        if (container == null) {
            status.error(NO_CONTAINER);
            return;
        }
        upload(dialogs.chooseFiles("Upload to " + container));
    }

    /// Asks where to save the selected blob and writes its contents there.
    public void download() {
        var blob = selected();
        if (blob == null) return;
        var name = blob.name().substring(blob.name().lastIndexOf('/') + 1);
        dialogs.chooseSaveFile("Save " + blob.path(), name).ifPresent(target -> tasks.run(() -> {
            var content = access.call(storage -> storage.blobs().get(blob.container(), blob.name()));
            Files.write(target, content.content());
            return target;
        }, saved -> status.info("Saved " + blob.path() + " to " + saved + "."), status::failed));
    }

    /// Deletes the selected blob after the user confirms.
    public void delete() {
        var blob = selected();
        if (blob == null || !dialogs.confirm("Delete " + blob.path() + "?", "The blob is removed from the project's"
                + " storage; functions with a blob trigger are not called for a deletion.", "Delete")) {
            return;
        }
        tasks.run(() -> access.call(storage -> {
            storage.blobs().delete(blob.container(), blob.name());
            return blob;
        }), deleted -> {
            status.info("Deleted " + deleted.path() + ".");
            selectedBlob.set(null);
            refresh();
        }, status::failed);
    }

    /// Asks for a name and creates the container, then selects it.
    public void createContainer() {
        dialogs.askText("New container", "Name (3–63 lowercase letters, digits and hyphens):", "")
                .ifPresent(name -> tasks.run(() -> access.call(storage -> storage.blobs().createContainer(name)),
                        created -> {
                            status.info(created ? "Created container " + name + "." : name + " already exists.");
                            selectedContainer.set(name);
                            refresh();
                        }, status::failed));
    }

    private BlobProperties selected() {
        var name = selectedBlob.get();
        return blobs.stream().filter(b -> b.name().equals(name)).findFirst().orElse(null);
    }

    /// Stops polling (the project closes).
    public void dispose() { setVisible(false); }

    public ObservableList<String> containers() { return containersView; }

    /// The selected container's blobs whose names start with the prefix, sorted by name.
    public ObservableList<BlobProperties> blobs() { return blobsView; }

    /// Writable by the view.
    public ObjectProperty<String> selectedContainerProperty() { return selectedContainer; }

    /// The name of the selected blob (null for none); writable by the view.
    public ObjectProperty<String> selectedBlobProperty() { return selectedBlob; }

    /// The name prefix filter ("" for all); writable by the view.
    public StringProperty prefixProperty() { return prefix; }

    public BooleanBinding hasContainerProperty() { return hasContainer; }

    public BooleanBinding hasBlobProperty() { return hasBlob; }

    public StatusLine status() { return status; }
}
