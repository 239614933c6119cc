package dev.berth.editor;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.reactfx.collection.LiveList;
import org.reactfx.value.Val;

/// The paragraph graphic of the editor: a diagnostic marker slot and the line number. Markers change
/// only on lines whose diagnostics changed, so a new analysis does not rebuild every visible line.
/// FX thread only.
final class Gutter implements IntFunction<Node> {
    private final CodeArea area;
    private final Val<Integer> lineCount;
    private Map<Integer, List<Diagnostic>> byParagraph = Map.of();

    Gutter(CodeArea area) {
        this.area = area;
        this.lineCount = LiveList.sizeOf(area.getParagraphs());
    }

    /// Shows `diagnostics` (1-based lines) and refreshes the lines that gained or lost a marker.
    void show(List<Diagnostic> diagnostics) {
        Map<Integer, List<Diagnostic>> next = diagnostics.stream()
                .collect(Collectors.groupingBy(d -> d.line() - 1, LinkedHashMap::new, Collectors.toList()));
        Set<Integer> touched = new HashSet<>(byParagraph.keySet());
        touched.addAll(next.keySet());
        touched.removeIf(p -> next.get(p) != null && next.get(p).equals(byParagraph.get(p)));
        byParagraph = next;
        int paragraphs = area.getParagraphs().size();
        for (int p : touched) {
            if (p < paragraphs) area.recreateParagraphGraphic(p);
        }
    }

    @Override
    public Node apply(int paragraph) {
        var number = new Label();
        number.getStyleClass().add("lineno");
        number.textProperty().bind(lineCount.map(n -> pad(paragraph + 1, n)).conditionOnShowing(number));
        var box = new HBox(markerSlot(byParagraph.get(paragraph)), number);
        box.getStyleClass().add("gutter");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Node markerSlot(List<Diagnostic> diagnostics) {
        var slot = new StackPane();
        slot.getStyleClass().add("marker-slot");
        if (diagnostics == null || diagnostics.isEmpty()) return slot;
        boolean error = diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
        var marker = new Label("!");
        marker.getStyleClass().addAll("diagnostic-marker", error ? "error" : "warning");
        var tooltip = new Tooltip(diagnostics.stream()
                .map(d -> "Line " + d.line() + ", column " + d.column() + ": " + d.message())
                .collect(Collectors.joining("\n")));
        tooltip.setShowDelay(Duration.millis(150));
        marker.setTooltip(tooltip);
        slot.getChildren().add(marker);
        return slot;
    }

    /// Right-aligned to the widest line number, so the text column does not shift as lines are added.
    private static String pad(int lineNumber, int lines) {
        int digits = Math.max(2, String.valueOf(lines).length());
        return String.format("%" + digits + "d", lineNumber);
    }
}
