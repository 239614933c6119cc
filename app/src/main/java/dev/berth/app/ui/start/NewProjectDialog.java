package dev.berth.app.ui.start;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.berth.app.ui.theme.Themes;
import dev.berth.templates.Template;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/// The new-project wizard window: template cards, name with its live message, folder, Create. A thin view
/// over `NewProjectViewModel`. FX thread only.
public final class NewProjectDialog {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final NewProjectViewModel model;
    private final Function<Path, Optional<Path>> chooseFolder;
    private final Stage stage = new Stage();
    private Path created;

    /// `chooseFolder` opens a directory chooser at the given folder (the dialog service's).
    public NewProjectDialog(NewProjectViewModel model, Window owner, Function<Path, Optional<Path>> chooseFolder) {
        this.model = model;
        this.chooseFolder = chooseFolder;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("New project");
        var root = new BorderPane(content(), null, null, footer(), null);
        root.setId("newProjectDialog");
        stage.setScene(Themes.style(new Scene(root, 800, 620)));
    }

    /// Shows the wizard and waits; answers the created project folder.
    public Optional<Path> showAndWait() {
        stage.showAndWait();
        return Optional.ofNullable(created);
    }

    private static final double CARD_WIDTH = 360;
    private static final double CARD_HEIGHT = 116;
    private static final double DESCRIPTION_HEIGHT = 52;

    private VBox content() {
        var title = new Label("New project");
        title.getStyleClass().add(Styles.TITLE_3);
        var subtitle = new Label("Pick a template, name the app, and choose where its folder goes.");
        subtitle.getStyleClass().add("field-hint");

        var error = new Label();
        error.setId("createError");
        error.getStyleClass().add("field-message");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());

        var gallery = gallery();
        var box = new VBox(new VBox(4, title, subtitle), field("Template", gallery), nameField(), folderField(), error);
        box.getStyleClass().add("wizard");
        return box;
    }

    /// The name, with the naming rule as a hint until the typed name breaks it.
    private VBox nameField() {
        var name = new TextField();
        name.setId("projectName");
        name.setPromptText("my-app");
        name.textProperty().bindBidirectional(model.nameProperty());
        var message = new Label();
        message.setId("projectNameMessage");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> showsNameProblem()
                ? model.nameMessageProperty().get()
                : "Lowercase letters, digits and hyphens; this is also the Container Apps name.",
                model.nameMessageProperty(), model.nameProperty()));
        markProblem(message, false);
        model.nameMessageProperty().addListener((o, was, now) -> markProblem(message, showsNameProblem()));
        return field("Name", name, message);
    }

    private boolean showsNameProblem() {
        return !model.nameProperty().get().isEmpty() && !model.nameMessageProperty().get().isEmpty();
    }

    /// The parent folder, typed or chosen, and where the project will land (or why it cannot).
    private VBox folderField() {
        var folder = new TextField();
        folder.setId("projectFolder");
        folder.textProperty().bindBidirectional(model.folderProperty());
        HBox.setHgrow(folder, Priority.ALWAYS);
        var browse = new Button("Browse…", new FontIcon(Feather.FOLDER));
        browse.setId("browseFolderButton");
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> chooseFolder.apply(Path.of(model.folderProperty().get().isBlank()
                        ? System.getProperty("user.home") : model.folderProperty().get()))
                .ifPresent(p -> model.folderProperty().set(p.toString())));
        var message = new Label();
        message.setId("projectFolderMessage");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> model.folderMessageProperty().get().isEmpty()
                        ? (model.nameProperty().get().isEmpty() ? "" : "Creates " + safeTarget())
                        : model.folderMessageProperty().get(),
                model.folderMessageProperty(), model.nameProperty(), model.folderProperty()));
        markProblem(message, false);
        model.folderMessageProperty().addListener((o, was, now) -> markProblem(message, !now.isEmpty()));
        return field("Location", new HBox(8, folder, browse), message);
    }

    private String safeTarget() {
        try {
            return model.targetDir().toString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static void markProblem(Label label, boolean problem) {
        label.getStyleClass().removeAll("field-hint", "field-message");
        label.getStyleClass().add(problem ? "field-message" : "field-hint");
    }

    private static VBox field(String title, javafx.scene.Node... nodes) {
        var label = new Label(title);
        label.getStyleClass().add("field-label");
        var box = new VBox(6, label);
        box.getChildren().addAll(nodes);
        return box;
    }

    /// Cards of one size in their own scrolling area, so a long catalog never pushes the name and folder
    /// fields out of sight; a description longer than three lines ends in "…" and shows whole as a tooltip.
    private ScrollPane gallery() {
        var tiles = new TilePane();
        tiles.getStyleClass().add("template-gallery");
        tiles.setPrefColumns(2);
        tiles.setPrefTileWidth(CARD_WIDTH);
        tiles.setPrefTileHeight(CARD_HEIGHT);
        for (var template : model.templates()) tiles.getChildren().add(card(template));
        if (model.templates().isEmpty()) tiles.getChildren().add(new Label("No templates found in this build of Berth."));
        var scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(2 * CARD_HEIGHT + 24);
        scroll.setMinViewportHeight(CARD_HEIGHT);
        scroll.getStyleClass().add("template-scroll");
        return scroll;
    }

    private VBox card(Template template) {
        var title = new Label(template.title());
        title.getStyleClass().add("card-title");
        var description = new Label(template.description());
        description.getStyleClass().add("card-description");
        description.setWrapText(true);
        description.setMaxHeight(DESCRIPTION_HEIGHT);
        description.setTooltip(new javafx.scene.control.Tooltip(template.description()));
        VBox.setVgrow(description, javafx.scene.layout.Priority.ALWAYS);
        var language = new Label(template.language());
        language.getStyleClass().add("badge");
        var trigger = new Label(template.trigger());
        trigger.getStyleClass().addAll("badge", "neutral");
        var card = new VBox(title, description, new HBox(6, language, trigger));
        card.setId("templateCard-" + template.id());
        card.getStyleClass().add("template-card");
        card.setMinSize(CARD_WIDTH, CARD_HEIGHT);
        card.setPrefSize(CARD_WIDTH, CARD_HEIGHT);
        card.setMaxSize(CARD_WIDTH, CARD_HEIGHT);
        card.pseudoClassStateChanged(SELECTED, template.equals(model.templateProperty().get()));
        model.templateProperty().addListener((o, was, now) -> card.pseudoClassStateChanged(SELECTED, template.equals(now)));
        card.setOnMouseClicked(e -> model.templateProperty().set(template));
        return card;
    }

    private HBox footer() {
        var busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var cancel = new Button("Cancel");
        cancel.setId("cancelButton");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        cancel.disableProperty().bind(model.busyProperty());
        var create = new Button("Create", new FontIcon(Feather.FILE_PLUS));
        create.setId("createButton");
        create.getStyleClass().add(Styles.ACCENT);
        create.setDefaultButton(true);
        create.disableProperty().bind(Bindings.not(model.canCreateProperty()));
        create.setOnAction(e -> model.create(dir -> {
            created = dir;
            stage.close();
        }));
        var footer = new HBox(busy, spacer, cancel, create);
        footer.getStyleClass().add("wizard-footer");
        return footer;
    }
}
