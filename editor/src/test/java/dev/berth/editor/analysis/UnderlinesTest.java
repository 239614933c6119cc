package dev.berth.editor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.editor.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnderlinesTest {

    private static List<Underline> underline(String text, Diagnostic d) {
        return Underlines.of(text, LineIndex.of(text), List.of(d));
    }

    @Test
    void of_columnOnAWord_underlinesTheWord() {
        String text = "{\n  \"a\": tru,\n}";
        assertThat(underline(text, new Diagnostic(2, 8, "x"))).containsExactly(new Underline(9, 12, Diagnostic.Severity.ERROR));
    }

    @Test
    void of_columnOnPunctuation_underlinesOneCharacter() {
        String text = "{\n  \"a\": 1,\n}";
        assertThat(underline(text, new Diagnostic(3, 1, "x"))).containsExactly(new Underline(12, 13, Diagnostic.Severity.ERROR));
    }

    @Test
    void of_columnPastLineEnd_underlinesTheLineText() {
        String text = "a: [1, 2   \nb";
        assertThat(underline(text, new Diagnostic(1, 40, "x", Diagnostic.Severity.WARNING)))
                .containsExactly(new Underline(0, 8, Diagnostic.Severity.WARNING));
    }

    @Test
    void of_emptyLine_underlinesNothing() {
        assertThat(underline("a\n\nb", new Diagnostic(2, 1, "x"))).isEmpty();
    }
}
