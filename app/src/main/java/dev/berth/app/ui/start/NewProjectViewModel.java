package dev.berth.app.ui.start;

import dev.berth.app.ProjectTemplates;
import dev.berth.app.ui.fx.TaskExecutor;
import dev.berth.templates.Template;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/// The new-project wizard: a template, a name checked live against the Container Apps naming rule, and
/// a parent folder; `create` scaffolds off the FX thread. FX thread only.
public final class NewProjectViewModel {
    private final ProjectTemplates templates;
    private final TaskExecutor tasks;
    private final List<Template> available;
    private final ObjectProperty<Template> template = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty folder = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final StringBinding nameMessage;
    private final StringBinding folderMessage;
    private final BooleanBinding canCreate;

    public NewProjectViewModel(ProjectTemplates templates, TaskExecutor tasks, Path defaultFolder) {
        this.templates = templates;
        this.tasks = tasks;
        this.available = List.copyOf(templates.list());
        folder.set(defaultFolder.toString());
        if (!available.isEmpty()) template.set(available.getFirst());
        nameMessage = Bindings.createStringBinding(() -> ContainerAppNames.problem(name.get()).orElse(""), name);
        folderMessage = Bindings.createStringBinding(this::folderProblem, folder, name);
        canCreate = Bindings.createBooleanBinding(() -> template.get() != null && nameMessage.get().isEmpty()
                && folderMessage.get().isEmpty() && !busy.get(), template, nameMessage, folderMessage, busy);
    }

    private String folderProblem() {
        var parent = folder.get().strip();
        if (parent.isEmpty()) return "Choose the folder the project is created in.";
        try {
            var parentPath = Path.of(parent);
            if (!parentPath.isAbsolute()) return "Use an absolute folder path, e.g. " + Path.of(System.getProperty("user.home")) + ".";
            if (Files.exists(parentPath) && !Files.isDirectory(parentPath)) return parent + " is a file: choose a folder.";
            if (name.get().isEmpty()) return "";
            var target = parentPath.resolve(name.get());
            if (Files.isDirectory(target) && !isEmpty(target)) {
                return target + " exists and is not empty: choose another name or folder.";
            }
            if (Files.exists(target) && !Files.isDirectory(target)) return target + " is a file: choose another name.";
            return "";
        } catch (InvalidPathException e) {
            return "\"" + parent + "\" is not a valid folder path.";
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /// Scaffolds the project; `onCreated` gets its folder (on the FX thread). Failures land in `error`.
    public void create(Consumer<Path> onCreated) {
        if (!canCreate.get()) return;
        busy.set(true);
        error.set("");
        var chosen = template.get();
        var appName = name.get();
        var target = targetDir();
        tasks.run(() -> templates.scaffold(chosen, target, appName), created -> {
            busy.set(false);
            onCreated.accept(created);
        }, failure -> {
            busy.set(false);
            error.set("Could not create " + target + ": " + failure.getMessage());
        });
    }

    /// Where the project will be written: `<folder>/<name>`.
    public Path targetDir() { return Path.of(folder.get().strip()).resolve(name.get()); }

    public List<Template> templates() { return available; }

    public ObjectProperty<Template> templateProperty() { return template; }

    public StringProperty nameProperty() { return name; }

    public StringProperty folderProperty() { return folder; }

    /// "" when the name is fine, else what to change.
    public ObservableStringValue nameMessageProperty() { return nameMessage; }

    public ObservableStringValue folderMessageProperty() { return folderMessage; }

    public ObservableBooleanValue canCreateProperty() { return canCreate; }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
