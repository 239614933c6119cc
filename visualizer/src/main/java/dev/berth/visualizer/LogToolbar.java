package dev.berth.visualizer;

import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

import java.util.Objects;

/// The log view's toolbar: text filter, source choice, follow toggle and clear. Bound to the view's
/// properties, so the view stays usable without it. FX thread only.
final class LogToolbar extends HBox {
    static final String ALL_SOURCES = "All sources";
    private static final Duration TYPING_PAUSE = Duration.millis(150);

    LogToolbar(LogView view, ObservableList<String> sources) {
        getStyleClass().add("log-toolbar");
        TextField filter = new TextField();
        filter.setId("log-filter");
        filter.setPromptText("Filter lines");
        debounce(filter, view);
        HBox.setHgrow(filter, Priority.ALWAYS);

        ComboBox<String> source = new ComboBox<>();
        source.setId("log-source");
        source.setPromptText(ALL_SOURCES);
        source.setButtonCell(new SourceCell());
        source.setCellFactory(ignored -> new SourceCell());
        source.getItems().add(null);
        source.getItems().addAll(sources);
        // Sources only ever grow and stay sorted: insert the new ones in place, so the chosen one
        // (and with it the filter) is never reset by a setAll.
        sources.addListener((ListChangeListener<String>) change -> {
            for (int i = 0; i < sources.size(); i++) {
                String known = sources.get(i);
                if (i + 1 >= source.getItems().size() || !known.equals(source.getItems().get(i + 1))) {
                    source.getItems().add(i + 1, known);
                }
            }
        });
        source.valueProperty().bindBidirectional(view.sourceFilterProperty());

        ToggleButton follow = new ToggleButton("Follow");
        follow.setId("log-follow");
        follow.setTooltip(new Tooltip("Keep the newest line in sight"));
        follow.selectedProperty().bindBidirectional(view.followProperty());

        Button clear = new Button("Clear");
        clear.setId("log-clear");
        clear.setOnAction(ignored -> view.clear());
        getChildren().addAll(filter, source, follow, clear);
    }

    /// Typing re-tests every held line, so the filter follows the field only after a short pause
    /// rather than on each keystroke; a filter set on the view shows in the field at once.
    private static void debounce(TextField field, LogView view) {
        PauseTransition pause = new PauseTransition(TYPING_PAUSE);
        pause.setOnFinished(ignored -> view.textFilterProperty().set(field.getText()));
        field.setText(view.textFilterProperty().get());
        field.textProperty().addListener((obs, old, text) -> pause.playFromStart());
        field.setOnAction(ignored -> {
            pause.stop();
            view.textFilterProperty().set(field.getText());
        });
        view.textFilterProperty().addListener((obs, old, text) -> {
            if (!Objects.equals(text, field.getText())) {
                field.setText(text);
                pause.stop();
            }
        });
    }

    /// Shows null (no source filter) as "All sources".
    private static final class SourceCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? ALL_SOURCES : item);
        }
    }
}
