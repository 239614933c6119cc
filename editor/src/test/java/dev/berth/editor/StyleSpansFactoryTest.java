package dev.berth.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.editor.analysis.Analysis;
import dev.berth.editor.analysis.Underline;
import dev.berth.editor.lex.Span;
import dev.berth.editor.lex.TokenType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class StyleSpansFactoryTest {

    @Test
    void of_tokensWithGaps_coversTheWholeTextWithUnstyledGaps() {
        var analysis = new Analysis("int x = 1;", List.of(new Span(0, 3, TokenType.KEYWORD), new Span(8, 9, TokenType.NUMBER)),
                List.of(), List.of());
        StyleSpans<Collection<String>> spans = StyleSpansFactory.of(analysis);
        assertThat(spans.length()).isEqualTo(10);
        assertThat(render(spans)).containsExactly("3[keyword]", "5[]", "1[number]", "1[]");
    }

    @Test
    void of_underlineInsideAToken_addsItsClassOnTopOfTheTokenClass() {
        var analysis = new Analysis("a: tru", List.of(new Span(0, 1, TokenType.KEY)), List.of(),
                List.of(new Underline(3, 6, Diagnostic.Severity.ERROR)));
        assertThat(render(StyleSpansFactory.of(analysis))).containsExactly("1[key]", "2[]", "3[error-underline]");
    }

    private static List<String> render(StyleSpans<Collection<String>> spans) {
        var out = new ArrayList<String>();
        for (StyleSpan<Collection<String>> s : spans) {
            if (s.getLength() > 0) out.add(s.getLength() + s.getStyle().toString().replace(" ", ""));
        }
        return out;
    }
}
