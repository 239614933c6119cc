package dev.berth.editor;

import org.fxmisc.richtext.model.StyleSpans;

/// Finds the part of a text whose styles differ between what the area shows and a new analysis, so
/// only that part is restyled (typing on one line then re-renders one line, not every visible one).
/// Pure: RichTextFX's model classes need no toolkit.
final class StyleDiff {
    private StyleDiff() {}

    /// The range `[start, end)` where `current` and `next` (same total length) differ; empty
    /// (`start == end`) when they style every character alike.
    static Range changed(StyleSpans<?> current, StyleSpans<?> next) {
        int length = Math.min(current.length(), next.length());
        int prefix = equalRun(current, next, false);
        if (prefix >= length) return new Range(length, length);
        int suffix = Math.min(equalRun(current, next, true), length - prefix);
        return new Range(prefix, length - suffix);
    }

    /// How many characters from the start (or from the end, when `backwards`) have equal styles.
    private static int equalRun(StyleSpans<?> a, StyleSpans<?> b, boolean backwards) {
        var ia = new Walker(a, backwards);
        var ib = new Walker(b, backwards);
        int equal = 0;
        while (ia.hasMore() && ib.hasMore()) {
            if (!ia.style().equals(ib.style())) return equal;
            int step = Math.min(ia.left, ib.left);
            equal += step;
            ia.consume(step);
            ib.consume(step);
        }
        return equal;
    }

    record Range(int start, int end) {
        boolean isEmpty() { return end <= start; }
    }

    /// Steps through spans in either direction, skipping empty ones.
    private static final class Walker {
        private final StyleSpans<?> spans;
        private final int direction;
        private int index;
        private int left;

        Walker(StyleSpans<?> spans, boolean backwards) {
            this.spans = spans;
            this.direction = backwards ? -1 : 1;
            this.index = backwards ? spans.getSpanCount() - 1 : 0;
            settle();
        }

        boolean hasMore() { return index >= 0 && index < spans.getSpanCount(); }

        Object style() { return spans.getStyleSpan(index).getStyle(); }

        void consume(int n) {
            left -= n;
            if (left == 0) {
                index += direction;
                settle();
            }
        }

        private void settle() {
            while (hasMore() && spans.getStyleSpan(index).getLength() == 0) index += direction;
            left = hasMore() ? spans.getStyleSpan(index).getLength() : 0;
        }
    }
}
