package dev.berth.editor;

import static org.fxmisc.wellbehaved.event.EventPattern.keyPressed;
import static org.fxmisc.wellbehaved.event.InputMap.consume;
import static org.fxmisc.wellbehaved.event.InputMap.sequence;

import javafx.scene.control.IndexRange;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.MultiChangeBuilder;
import org.fxmisc.wellbehaved.event.Nodes;

/// Editing keys on top of CodeArea's own (which already bring Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z):
/// Tab inserts spaces (or indents every selected line), Shift+Tab removes one level, Enter keeps the
/// indentation. FX thread only.
final class EditorKeys {
    private EditorKeys() {}

    static void install(CodeArea area, Language language) {
        int width = Indentation.width(language);
        Nodes.addInputMap(area, sequence(
                consume(keyPressed(KeyCode.TAB), e -> tab(area, width)),
                consume(keyPressed(KeyCode.TAB, KeyCombination.SHIFT_DOWN), e -> shiftLines(area, width, false)),
                consume(keyPressed(KeyCode.ENTER), e -> newLine(area, language))));
    }

    private static void tab(CodeArea area, int width) {
        if (selectedParagraphs(area).getLength() > 0) shiftLines(area, width, true);
        else area.replaceSelection(Indentation.tab(area.getCaretColumn(), width));
    }

    private static void newLine(CodeArea area, Language language) {
        String line = area.getParagraph(area.getCurrentParagraph()).getText();
        String before = line.substring(0, Math.min(area.getCaretColumn(), line.length()));
        area.replaceSelection(Indentation.newLine(before, language));
        area.requestFollowCaret();
    }

    /// Indents (or dedents) the caret's line, or every line the selection touches, as one undo step.
    private static void shiftLines(CodeArea area, int width, boolean indent) {
        IndexRange lines = selectedParagraphs(area);
        MultiChangeBuilder<?, String, ?> change = area.createMultiChange();
        boolean any = false;
        // Last line first, so each change leaves the positions of the ones still to come untouched.
        for (int p = lines.getEnd(); p >= lines.getStart(); p--) {
            String text = area.getParagraph(p).getText();
            if (indent && !text.isBlank()) {
                change.insertText(p, 0, " ".repeat(width));
                any = true;
            }
            int remove = indent ? 0 : Indentation.dedent(text, width);
            if (remove > 0) {
                change.deleteText(p, 0, p, remove);
                any = true;
            }
        }
        if (!any) return;
        change.commit();
        // An indent and the dedent after it are separate steps for Ctrl+Z, not one merged edit.
        area.getUndoManager().preventMerge();
        // Keep whole lines selected so that Tab / Shift+Tab can be pressed again on the same block.
        if (lines.getLength() > 0) {
            area.selectRange(lines.getStart(), 0, lines.getEnd(), area.getParagraphLength(lines.getEnd()));
        }
    }

    /// First and last paragraph (both inclusive) the selection touches; a selection ending at the
    /// start of a line does not include that line.
    private static IndexRange selectedParagraphs(CodeArea area) {
        var selection = area.getCaretSelectionBind();
        int first = selection.getStartParagraphIndex();
        int last = selection.getEndParagraphIndex();
        if (last > first && selection.getEndColumnPosition() == 0) last--;
        return new IndexRange(first, last);
    }
}
