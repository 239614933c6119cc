package dev.berth.app.ui.start;

import dev.berth.app.ui.fakes.FakeTemplates;
import dev.berth.app.ui.fakes.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class NewProjectViewModelTest {
    @TempDir Path parent;
    private final FakeTemplates templates = new FakeTemplates();

    private NewProjectViewModel model() {
        return new NewProjectViewModel(templates, new SameThreadTaskExecutor(), parent);
    }

    @Test
    void new_model_selectsFirstTemplateAndCannotCreateWithoutName() {
        var model = model();
        assertThat(model.templateProperty().get()).isEqualTo(FakeTemplates.PYTHON);
        assertThat(model.canCreateProperty().get()).isFalse();
        assertThat(model.nameMessageProperty().get()).contains("Enter a name");
    }

    @Test
    void name_typedLive_messageFollowsEachKeystroke() {
        var model = model();
        model.nameProperty().set("Hello");
        assertThat(model.nameMessageProperty().get()).contains("lowercase");
        model.nameProperty().set("hello");
        assertThat(model.nameMessageProperty().get()).isEmpty();
        assertThat(model.canCreateProperty().get()).isTrue();
    }

    @Test
    void folder_targetExistsAndNotEmpty_blocksCreate() throws IOException {
        Files.createDirectories(parent.resolve("hello"));
        Files.writeString(parent.resolve("hello/keep.txt"), "x");
        var model = model();
        model.nameProperty().set("hello");
        assertThat(model.folderMessageProperty().get()).contains("exists and is not empty");
        assertThat(model.canCreateProperty().get()).isFalse();
    }

    @Test
    void folder_relativePath_isRefused() {
        var model = model();
        model.nameProperty().set("hello");
        model.folderProperty().set("projects");
        assertThat(model.folderMessageProperty().get()).contains("absolute");
    }

    @Test
    void create_validInput_scaffoldsChosenTemplateIntoFolderSlashName() {
        var model = model();
        model.templateProperty().set(FakeTemplates.JAVA);
        model.nameProperty().set("orders");
        var created = new AtomicReference<Path>();
        model.create(created::set);
        assertThat(created.get()).isEqualTo(parent.resolve("orders"));
        assertThat(templates.scaffolded).containsExactly("http-java orders");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void create_scaffolderFails_showsErrorAndStaysOpen() {
        templates.failure = "disk full";
        var model = model();
        model.nameProperty().set("orders");
        var created = new AtomicReference<Path>();
        model.create(created::set);
        assertThat(created.get()).isNull();
        assertThat(model.errorProperty().get()).contains("orders").contains("disk full");
    }
}
