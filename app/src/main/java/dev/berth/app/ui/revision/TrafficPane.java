package dev.berth.app.ui.revision;

import atlantafx.base.theme.Styles;
import dev.berth.visualizer.revision.TrafficBar;
import dev.berth.visualizer.revision.TrafficChart;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/// The traffic side of the Revisions tab: the chart of configured weight beside observed share, the weight
/// editors (a slider and a numeric field per active revision, the sum and what is wrong with it, Reset and
/// Apply), and the labels with their header and Host URLs, each with a copy button. FX thread only.
final class TrafficPane extends VBox {
    static final String NO_LABELS = "No labels. Name a revision with ingress.traffic[].label in containerapp.yaml, or"
            + " `berth traffic set <dir> … --label NAME=REVISION`.";

    private final TrafficViewModel model;
    private final GridPane editors = new GridPane();
    private final VBox labelRows = new VBox();

    TrafficPane(TrafficViewModel model) {
        this.model = model;
        getStyleClass().add("traffic-pane");
        var chart = new TrafficChart();
        chart.setId("trafficChart");
        model.bars().addListener((ListChangeListener<TrafficBar>) c -> chart.setBars(model.bars()));
        chart.setBars(model.bars());
        model.weights().addListener((ListChangeListener<WeightEdit>) c -> rebuildEditors());
        model.labels().addListener((ListChangeListener<LabelUrl>) c -> rebuildLabels());
        editors.setId("weightEditors");
        editors.getStyleClass().add("weight-editors");
        editors.disableProperty().bind(model.editableProperty().not());
        editors.getColumnConstraints().addAll(new ColumnConstraints(), grow(), new ColumnConstraints(), new ColumnConstraints());
        labelRows.getStyleClass().add("label-rows");
        getChildren().addAll(heading("Traffic"), chart, heading("Weights"), modeNote(), editors, sumBar(),
                heading("Labels"), labelRows);
        rebuildEditors();
        rebuildLabels();
    }

    private Label modeNote() {
        var note = new Label();
        note.setId("trafficModeNote");
        note.setWrapText(true);
        note.getStyleClass().add("mode-note");
        note.textProperty().bind(model.modeNoteProperty());
        shownWhenText(note);
        return note;
    }

    /// The sum with Reset and Apply on one line, and what is wrong with the sum under it.
    private VBox sumBar() {
        var sum = new Label();
        sum.setId("weightSum");
        sum.getStyleClass().add("weight-sum");
        sum.textProperty().bind(model.sumProperty().asString("Sum: %d%%"));
        var problem = new Label();
        problem.setId("weightProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("weight-problem");
        problem.textProperty().bind(model.problemProperty());
        shownWhenText(problem);
        var reset = new Button("Reset");
        reset.setId("resetWeightsButton");
        reset.disableProperty().bind(model.editedProperty().not().or(model.editableProperty().not()));
        reset.setOnAction(e -> model.reset());
        var apply = new Button("Apply", new FontIcon(Feather.CHECK));
        apply.setId("applyWeightsButton");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(model.canApplyProperty().not());
        apply.setOnAction(e -> model.apply());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (var node : List.of(sum, reset, apply)) node.setMinWidth(Region.USE_PREF_SIZE);
        var line = new HBox(sum, spacer, reset, apply);
        line.getStyleClass().add("sum-line");
        line.setAlignment(Pos.CENTER_LEFT);
        var bar = new VBox(line, problem);
        bar.getStyleClass().add("sum-bar");
        bar.visibleProperty().bind(model.editableProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private void rebuildEditors() {
        editors.getChildren().clear();
        int row = 0;
        for (var edit : model.weights()) {
            var name = new Label(edit.revision());
            name.getStyleClass().add("weight-revision");
            var slider = new Slider(0, 100, edit.weightProperty().get());
            slider.setId("weightSlider-" + edit.revision());
            slider.setMajorTickUnit(10);
            slider.setBlockIncrement(5);
            slider.setSnapToTicks(false);
            slider.setMaxWidth(Double.MAX_VALUE);
            var spinner = new Spinner<Integer>(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 100,
                    edit.weightProperty().get(), 5));
            spinner.setId("weightField-" + edit.revision());
            spinner.setEditable(true);
            spinner.setPrefWidth(90);
            spinner.getEditor().setOnAction(e -> commit(spinner, edit));
            spinner.getEditor().focusedProperty().addListener((o, was, focused) -> { if (!focused) commit(spinner, edit); });
            slider.valueProperty().addListener((o, was, now) -> edit.setWeight((int) Math.round(now.doubleValue())));
            spinner.valueProperty().addListener((o, was, now) -> { if (now != null) edit.setWeight(now); });
            edit.weightProperty().addListener((o, was, now) -> {
                if (Math.round(slider.getValue()) != now.intValue()) slider.setValue(now.intValue());
                if (!now.equals(spinner.getValue())) spinner.getValueFactory().setValue(now.intValue());
            });
            var now = new Label();
            now.setId("weightNow-" + edit.revision());
            now.getStyleClass().add("weight-now");
            now.textProperty().bind(edit.configuredProperty().asString("routes %d%% now"));
            editors.addRow(row++, name, slider, spinner, now);
        }
    }

    /// Takes what was typed in the field, when it is a whole number; anything else puts the weight back.
    private static void commit(Spinner<Integer> spinner, WeightEdit edit) {
        var typed = spinner.getEditor().getText().strip().replace("%", "");
        try {
            edit.setWeight(Integer.parseInt(typed));
        } catch (NumberFormatException e) {
            // not a number: show the weight as it was
        }
        spinner.getValueFactory().setValue(edit.weightProperty().get());
        spinner.getEditor().setText(Integer.toString(edit.weightProperty().get()));
    }

    private void rebuildLabels() {
        if (model.labels().isEmpty()) {
            var none = new Label(NO_LABELS);
            none.setWrapText(true);
            none.getStyleClass().add("no-labels");
            labelRows.getChildren().setAll(none);
            return;
        }
        labelRows.getChildren().setAll(model.labels().stream().map(TrafficPane::labelRow).toList());
    }

    private static VBox labelRow(LabelUrl label) {
        var title = new Label(label.label() + " → " + label.revision());
        title.getStyleClass().add("label-title");
        var box = new VBox(title, copyable(label.url(), "labelUrl-" + label.label()),
                copyable(label.header(), "labelHeader-" + label.label()));
        box.getStyleClass().add("label-row");
        return box;
    }

    private static HBox copyable(String text, String id) {
        var field = new TextField(text);
        field.setId(id);
        field.setEditable(false);
        field.getStyleClass().add("copyable");
        HBox.setHgrow(field, Priority.ALWAYS);
        var copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setId(id + "-copy");
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        copy.setTooltip(new Tooltip("Copy"));
        copy.setOnAction(e -> {
            var content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
        var row = new HBox(4, field, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Label heading(String text) {
        var label = new Label(text);
        label.getStyleClass().addAll("traffic-heading", Styles.TEXT_BOLD);
        return label;
    }

    private static void shownWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static ColumnConstraints grow() {
        var column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        column.setMinWidth(Region.USE_PREF_SIZE);
        return column;
    }
}
