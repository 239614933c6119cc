package dev.berth.app.ui.start;

import dev.berth.app.ui.fakes.FakeDialogs;
import dev.berth.app.ui.fakes.FakeTemplates;
import dev.berth.app.ui.fakes.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StartViewModelTest {
    @TempDir Path userDir;
    @TempDir Path work;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<Path> opened = new ArrayList<>();

    private StartViewModel model() {
        return new StartViewModel(new RecentProjects(userDir), new FakeTemplates(), new SameThreadTaskExecutor(), dialogs,
                work, opened::add);
    }

    private Path project(String name) throws IOException {
        var dir = Files.createDirectories(work.resolve(name));
        Files.writeString(dir.resolve("host.json"), "{\"version\": \"2.0\"}");
        return dir;
    }

    @Test
    void openFolder_withHostJson_opensAndRemembersIt() throws IOException {
        dialogs.chosenDirectory = project("hello");
        var model = model();
        model.openFolder();
        assertThat(opened).containsExactly(work.resolve("hello"));
        assertThat(model.recentProjects()).extracting(RecentProject::name).containsExactly("hello");
        assertThat(model().recentProjects()).extracting(RecentProject::path).containsExactly(work.resolve("hello"));
    }

    @Test
    void openFolder_withoutHostJson_explainsAndOpensNothing() throws IOException {
        dialogs.chosenDirectory = Files.createDirectories(work.resolve("not-a-project"));
        model().openFolder();
        assertThat(opened).isEmpty();
        assertThat(dialogs.errors).singleElement().asString().contains("host.json").contains("not-a-project");
    }

    @Test
    void recentProjects_folderDeleted_isShownAsMissingAndCanBeRemoved() throws IOException {
        var gone = project("gone");
        var model = model();
        dialogs.chosenDirectory = gone;
        model.openFolder();
        Files.delete(gone.resolve("host.json"));
        Files.delete(gone);
        var reloaded = model();
        assertThat(reloaded.recentProjects()).singleElement().satisfies(p -> assertThat(p.exists()).isFalse());
        reloaded.openRecent(reloaded.recentProjects().getFirst());
        assertThat(dialogs.errors).singleElement().asString().contains("no longer exists");
        reloaded.remove(reloaded.recentProjects().getFirst());
        assertThat(model().recentProjects()).isEmpty();
    }

    @Test
    void recentProjects_newestFirstWithoutDuplicates() throws IOException {
        var a = project("a");
        var b = project("b");
        var model = model();
        for (var dir : List.of(a, b, a)) {
            dialogs.chosenDirectory = dir;
            model.openFolder();
        }
        assertThat(model.recentProjects()).extracting(RecentProject::name).containsExactly("a", "b");
    }

    @Test
    void newProject_wizardCreatesProject_opensIt() {
        dialogs.wizard = wizard -> {
            wizard.nameProperty().set("fresh");
            var created = new java.util.concurrent.atomic.AtomicReference<Path>();
            wizard.create(created::set);
            return Optional.ofNullable(created.get());
        };
        model().newProject();
        assertThat(opened).containsExactly(work.resolve("fresh"));
    }

    @Test
    void newProject_cancelled_opensNothing() {
        model().newProject();
        assertThat(opened).isEmpty();
    }
}
