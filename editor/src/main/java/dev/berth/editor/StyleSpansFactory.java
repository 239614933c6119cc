package dev.berth.editor;

import dev.berth.editor.analysis.Analysis;
import dev.berth.editor.analysis.Underline;
import dev.berth.editor.lex.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/// Builds RichTextFX style spans (token classes plus diagnostic underlines) from an analysis. Pure:
/// RichTextFX's model classes need no toolkit, so this is unit-tested without a display.
final class StyleSpansFactory {
    private StyleSpansFactory() {}

    /// Spans covering exactly `analysis.text()`; the text must not be empty.
    static StyleSpans<Collection<String>> of(Analysis analysis) {
        int length = analysis.text().length();
        var tokens = new ArrayList<Range>();
        for (Span s : analysis.tokens()) tokens.add(new Range(s.start(), s.end(), s.styleClass()));
        StyleSpans<Collection<String>> spans = build(tokens, length);
        if (analysis.underlines().isEmpty()) return spans;
        var underlines = new ArrayList<Range>();
        for (Underline u : analysis.underlines()) underlines.add(new Range(u.start(), u.end(), u.styleClass()));
        underlines.sort((a, b) -> Integer.compare(a.start, b.start));
        return spans.overlay(build(underlines, length), StyleSpansFactory::union);
    }

    private static StyleSpans<Collection<String>> build(List<Range> ranges, int length) {
        var builder = new StyleSpansBuilder<Collection<String>>();
        int at = 0;
        for (Range r : ranges) {
            // Ranges are sorted; an overlapping one (two diagnostics on one word) is already covered.
            if (r.start < at || r.end > length) continue;
            if (r.start > at) builder.add(List.of(), r.start - at);
            builder.add(List.of(r.styleClass), r.end - r.start);
            at = r.end;
        }
        builder.add(List.of(), length - at);
        return builder.create();
    }

    private static Collection<String> union(Collection<String> a, Collection<String> b) {
        if (b.isEmpty()) return a;
        if (a.isEmpty()) return b;
        var both = new ArrayList<String>(a);
        both.addAll(b);
        return both;
    }

    private record Range(int start, int end, String styleClass) {}
}
