package dev.berth.app.ui.storage;

import dev.berth.app.ui.fakes.FakeDialogs;
import dev.berth.app.ui.fakes.ManualTicker;
import dev.berth.app.ui.fakes.SameThreadTaskExecutor;
import dev.berth.runner.blob.BlobProperties;
import dev.berth.runner.trigger.ProjectStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlobExplorerViewModelTest {
    @TempDir Path project;
    @TempDir Path desktop;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final ManualTicker ticker = new ManualTicker();
    private StorageAccess access;
    private ProjectStorage seed;
    private BlobExplorerViewModel model;

    @BeforeEach
    void open() throws Exception {
        access = new StorageAccess(project.resolve(".berth"), Clock.systemUTC());
        seed = ProjectStorage.open(project.resolve(".berth"), Clock.systemUTC());
        model = new BlobExplorerViewModel(access, new SameThreadTaskExecutor(), dialogs, ticker);
    }

    @AfterEach
    void close() {
        model.dispose();
        access.close();
        seed.close();
    }

    private void seedImages() {
        seed.blobs().createContainer("images");
        seed.blobs().createContainer("reports");
        seed.blobs().put("images", "cats/tom.png", new byte[2048], "image/png");
        seed.blobs().put("images", "dogs/rex.png", new byte[10], "image/png");
    }

    @Test
    void selectContainer_listsItsBlobs_andThePrefixFilters() {
        seedImages();
        model.setVisible(true);
        assertThat(model.containers()).containsExactly("images", "reports");

        model.selectedContainerProperty().set("images");
        assertThat(model.blobs()).extracting(BlobProperties::name).containsExactly("cats/tom.png", "dogs/rex.png");
        assertThat(model.blobs().getFirst().length()).isEqualTo(2048);

        model.prefixProperty().set("dogs/");
        assertThat(model.blobs()).extracting(BlobProperties::name).containsExactly("dogs/rex.png");
    }

    @Test
    void upload_droppedFiles_areStoredUnderTheirNamesWithAGuessedType() throws Exception {
        seed.blobs().createContainer("uploads");
        var text = Files.writeString(desktop.resolve("notes.txt"), "hello");
        var json = Files.writeString(desktop.resolve("order.json"), "{}");
        model.setVisible(true);
        model.selectedContainerProperty().set("uploads");

        model.upload(List.of(text, json));

        assertThat(new String(seed.blobs().get("uploads", "notes.txt").content(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(model.blobs()).extracting(BlobProperties::name).containsExactly("notes.txt", "order.json");
        assertThat(model.status().textProperty().get()).isEqualTo("Uploaded 2 files to uploads.");
    }

    @Test
    void upload_withoutContainer_explainsWhatToDo() throws Exception {
        model.upload(List.of(Files.writeString(desktop.resolve("a.txt"), "a")));

        assertThat(model.status().errorProperty().get()).isTrue();
        assertThat(model.status().textProperty().get()).contains("Select a container first");
    }

    @Test
    void uploadButton_usesTheChosenFiles() throws Exception {
        seed.blobs().createContainer("uploads");
        dialogs.chosenFiles = List.of(Files.writeString(desktop.resolve("b.txt"), "b"));
        model.selectedContainerProperty().set("uploads");

        model.chooseAndUpload();

        assertThat(seed.blobs().getProperties("uploads", "b.txt").length()).isEqualTo(1);
    }

    @Test
    void download_writesTheBlobWhereTheUserChose() throws Exception {
        seedImages();
        model.setVisible(true);
        model.selectedContainerProperty().set("images");
        model.selectedBlobProperty().set("dogs/rex.png");
        dialogs.saveTarget = desktop.resolve("rex.png");

        model.download();

        assertThat(Files.size(desktop.resolve("rex.png"))).isEqualTo(10);
    }

    @Test
    void delete_confirmed_removesTheBlob_andCancelledKeepsIt() {
        seedImages();
        model.setVisible(true);
        model.selectedContainerProperty().set("images");
        model.selectedBlobProperty().set("cats/tom.png");

        dialogs.confirmAnswer = false;
        model.delete();
        assertThat(model.blobs()).hasSize(2);

        dialogs.confirmAnswer = true;
        model.delete();
        assertThat(dialogs.confirmations).containsExactly("Delete images/cats/tom.png?", "Delete images/cats/tom.png?");
        assertThat(model.blobs()).extracting(BlobProperties::name).containsExactly("dogs/rex.png");
        assertThat(model.selectedBlobProperty().get()).isNull();
    }

    @Test
    void createContainer_selectsIt_andABadNameShowsTheRule() {
        dialogs.typedText = "invoices";
        model.createContainer();
        assertThat(model.containers()).containsExactly("invoices");
        assertThat(model.selectedContainerProperty().get()).isEqualTo("invoices");

        dialogs.typedText = "Bad_Name";
        model.createContainer();
        assertThat(model.status().errorProperty().get()).isTrue();
        assertThat(model.status().textProperty().get()).contains("Bad_Name");
    }
}
