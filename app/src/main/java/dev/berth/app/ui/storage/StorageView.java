package dev.berth.app.ui.storage;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/// The Storage panel: "Queues" and "Blobs" sub-tabs. Only the explorer on screen polls: the panel tells
/// the view models when it shows (`setShowing`) and which sub-tab is selected. FX thread only.
public final class StorageView extends TabPane {
    private final StorageViewModel model;
    private final Tab queues;
    private final Tab blobs;
    private final BlobExplorerView blobView;
    private boolean showing;

    public StorageView(StorageViewModel model) {
        this.model = model;
        setId("storagePanel");
        getStyleClass().add(Styles.TABS_CLASSIC);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        blobView = new BlobExplorerView(model.blobs());
        queues = tab("Queues", Feather.LIST, new QueueExplorerView(model.queues()), "queuesTab");
        blobs = tab("Blobs", Feather.ARCHIVE, blobView, "blobsTab");
        getTabs().addAll(queues, blobs);
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> update());
    }

    private static Tab tab(String title, Feather icon, javafx.scene.Node content, String id) {
        var tab = new Tab(title, content);
        tab.setGraphic(new FontIcon(icon));
        tab.setId(id);
        return tab;
    }

    /// Whether the Storage panel is on screen (its tab selected).
    public void setShowing(boolean showing) {
        this.showing = showing;
        update();
    }

    private void update() {
        // The selection model's item, not Tab.isSelected(): that flag is updated after this listener runs.
        var selected = getSelectionModel().getSelectedItem();
        model.queues().setVisible(showing && selected == queues);
        model.blobs().setVisible(showing && selected == blobs);
    }

    /// The blob explorer, for tests that simulate a drop of files.
    public BlobExplorerView blobExplorer() { return blobView; }
}
