package dev.berth.editor;

import static org.fxmisc.wellbehaved.event.EventPattern.keyPressed;
import static org.fxmisc.wellbehaved.event.InputMap.consume;
import static org.fxmisc.wellbehaved.event.InputMap.sequence;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.wellbehaved.event.Nodes;

/// Editing keys on top of CodeArea's own (which already bring Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z):
/// Tab inserts spaces, Shift+Tab removes one level, Enter keeps the indentation. FX thread only.
final class EditorKeys {
    private EditorKeys() {}

    static void install(CodeArea area, Language language) {
        int width = Indentation.width(language);
        Nodes.addInputMap(area, sequence(
                consume(keyPressed(KeyCode.TAB), e -> area.replaceSelection(Indentation.tab(area.getCaretColumn(), width))),
                consume(keyPressed(KeyCode.TAB, KeyCombination.SHIFT_DOWN), e -> dedent(area, width)),
                consume(keyPressed(KeyCode.ENTER), e -> newLine(area, language))));
    }

    private static void newLine(CodeArea area, Language language) {
        String line = area.getParagraph(area.getCurrentParagraph()).getText();
        String before = line.substring(0, Math.min(area.getCaretColumn(), line.length()));
        area.replaceSelection(Indentation.newLine(before, language));
        area.requestFollowCaret();
    }

    private static void dedent(CodeArea area, int width) {
        int paragraph = area.getCurrentParagraph();
        int remove = Indentation.dedent(area.getParagraph(paragraph).getText(), width);
        if (remove > 0) area.deleteText(paragraph, 0, paragraph, remove);
    }
}
