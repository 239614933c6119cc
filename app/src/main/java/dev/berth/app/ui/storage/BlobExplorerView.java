package dev.berth.app.ui.storage;

import dev.berth.runner.blob.BlobProperties;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

import java.io.File;
import java.util.List;

import static dev.berth.app.ui.storage.Explorers.column;

/// The blob explorer: containers on the left, the selected container's blobs on the right (files dropped
/// on them are uploaded), actions and a name-prefix filter above. FX thread only.
public final class BlobExplorerView extends BorderPane {
    private final BlobExplorerViewModel model;

    public BlobExplorerView(BlobExplorerViewModel model) {
        this.model = model;
        setId("blobExplorer");
        getStyleClass().add("storage-explorer");
        var containers = new TableView<String>();
        containers.setId("containerList");
        containers.setPlaceholder(new Label("No containers yet."));
        containers.getColumns().add(column("Container", 180, (String name) -> name));
        containers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Explorers.bind(containers, model.containers(), model.selectedContainerProperty(), name -> name);
        var blobs = blobTable();
        var split = new SplitPane(containers, blobs);
        split.setDividerPositions(0.24);
        setTop(toolbar());
        setCenter(split);
        setBottom(Explorers.status("blobStatus", model.status()));
    }

    private ToolBar toolbar() {
        Button create = Explorers.button("createContainerButton", "New container…", Feather.FOLDER_PLUS,
                "Create a blob container");
        create.setOnAction(e -> model.createContainer());
        Button upload = Explorers.button("uploadButton", "Upload…", Feather.UPLOAD,
                "Upload files into the selected container (or drop them on the list)");
        upload.disableProperty().bind(model.hasContainerProperty().not());
        upload.setOnAction(e -> model.chooseAndUpload());
        Button download = Explorers.button("downloadButton", "Save as…", Feather.DOWNLOAD, "Save the selected blob");
        download.disableProperty().bind(model.hasBlobProperty().not());
        download.setOnAction(e -> model.download());
        Button delete = Explorers.button("deleteBlobButton", "Delete", Feather.TRASH_2, "Delete the selected blob");
        delete.disableProperty().bind(model.hasBlobProperty().not());
        delete.setOnAction(e -> model.delete());
        var prefix = new TextField();
        prefix.setId("blobPrefix");
        prefix.setPromptText("Filter: name starts with…");
        prefix.setPrefColumnCount(18);
        prefix.textProperty().bindBidirectional(model.prefixProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(create, upload, download, delete, spacer, prefix);
    }

    private TableView<BlobProperties> blobTable() {
        var table = new TableView<BlobProperties>();
        table.setId("blobList");
        var placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(model.hasContainerProperty())
                .then("No blobs here. Drop files from your desktop to upload them.")
                .otherwise("Select a container."));
        table.setPlaceholder(placeholder);
        table.getColumns().addAll(List.of(column("Name", 240, BlobProperties::name),
                column("Size", 80, b -> Explorers.size(b.length())),
                column("Content type", 150, BlobProperties::contentType),
                column("Modified", 150, b -> Explorers.time(b.lastModified())),
                column("ETag", 180, BlobProperties::eTag)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Explorers.bind(table, model.blobs(), model.selectedBlobProperty(), BlobProperties::name);
        table.setOnDragOver(this::dragOver);
        table.setOnDragExited(e -> table.getStyleClass().remove("drop-target"));
        table.setOnDragDropped(this::dropped);
        return table;
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles() && model.hasContainerProperty().get()) {
            event.acceptTransferModes(TransferMode.COPY);
            var table = (TableView<?>) event.getSource();
            if (!table.getStyleClass().contains("drop-target")) table.getStyleClass().add("drop-target");
        }
        event.consume();
    }

    private void dropped(DragEvent event) {
        var board = event.getDragboard();
        boolean accepted = board.hasFiles() && model.hasContainerProperty().get();
        if (accepted) dropFiles(board.getFiles());
        event.setDropCompleted(accepted);
        event.consume();
    }

    /// What a drop of `files` on the blob list does: upload them into the selected container.
    public void dropFiles(List<File> files) {
        model.upload(files.stream().map(File::toPath).toList());
    }
}
