package dev.berth.app.ui.start;

import atlantafx.base.theme.Styles;
import dev.berth.app.ui.action.Action;
import dev.berth.app.ui.action.ActionBars;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/// The start page: title, the two ways in (new project, open folder) and the recent projects. A thin view
/// over `StartViewModel`. FX thread only.
public final class StartView extends BorderPane {
    private static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");
    private static final double ROW_HEIGHT = 56;

    public StartView(StartViewModel model, Action newProject, Action openFolder, Action toggleTheme,
                     Action diagnostics) {
        getStyleClass().add("start-page");
        setId("startPage");
        var corner = new HBox(ActionBars.button(diagnostics, false), ActionBars.button(toggleTheme, false));
        corner.setAlignment(Pos.CENTER_RIGHT);
        corner.getStyleClass().add("theme-corner");
        setTop(corner);

        var logo = new FontIcon(Feather.ANCHOR);
        logo.getStyleClass().add("app-logo");
        var title = new Label("Berth", logo);
        title.getStyleClass().add("app-title");
        title.setGraphicTextGap(12);
        var tagline = new Label("Function apps in real containers: every replica and every invocation, live.");
        tagline.getStyleClass().add("tagline");
        tagline.setWrapText(true);
        var header = new VBox(title, tagline);
        header.getStyleClass().add("start-header");

        var create = ActionBars.button(newProject, true);
        create.setId("newProjectButton");
        create.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        var open = ActionBars.button(openFolder, true);
        open.setId("openFolderButton");
        open.getStyleClass().add(Styles.LARGE);
        var actions = new HBox(create, open);
        actions.getStyleClass().add("start-actions");

        var recentTitle = new Label("Recent projects");
        recentTitle.getStyleClass().add("section-title");
        var recent = recentList(model);

        var column = new VBox(header, actions, new VBox(recentTitle, recent));
        column.getStyleClass().add("start-column");
        var centered = new HBox(column);
        centered.setAlignment(Pos.TOP_CENTER);
        HBox.setHgrow(column, Priority.ALWAYS);
        setCenter(centered);
    }

    private static ListView<RecentProject> recentList(StartViewModel model) {
        var list = new ListView<>(model.recentProjects());
        list.setId("recentProjects");
        list.getStyleClass().add("recent-list");
        list.setPlaceholder(new Label("No recent projects yet: create one, or open a folder that holds host.json."));
        list.setCellFactory(view -> new RecentCell(model));
        // As tall as its rows (at most eight), so a short list is not a big empty box.
        list.setFixedCellSize(ROW_HEIGHT);
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.clamp(list.getItems().size(), 1, 8) * ROW_HEIGHT + 2, list.getItems()));
        list.setMaxHeight(Region.USE_PREF_SIZE);
        list.setOnKeyPressed(e -> {
            var selected = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) model.openRecent(selected);
        });
        return list;
    }

    /// One recent project: name over path; a missing folder is muted and offers removal.
    private static final class RecentCell extends ListCell<RecentProject> {
        private final StartViewModel model;

        RecentCell(StartViewModel model) {
            this.model = model;
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && getItem() != null) model.openRecent(getItem());
            });
        }

        @Override protected void updateItem(RecentProject item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            var name = new Label(item.name());
            name.getStyleClass().add("name");
            var path = new Label(item.exists() ? item.path().toString() : item.path() + "  —  folder not found");
            path.getStyleClass().add("path");
            var text = new VBox(2, name, path);
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var remove = new Button(null, new FontIcon(Feather.X));
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            remove.setTooltip(new Tooltip("Remove from the list (the folder stays)"));
            remove.setOnAction(e -> model.remove(item));
            remove.addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
            remove.visibleProperty().bind(item.exists() ? hoverProperty() : new SimpleBooleanProperty(true));
            var row = new HBox(new FontIcon(item.exists() ? Feather.FOLDER : Feather.FOLDER_MINUS), text, spacer, remove);
            row.getStyleClass().add("recent-cell");
            row.pseudoClassStateChanged(MISSING, !item.exists());
            setGraphic(row);
        }
    }
}
