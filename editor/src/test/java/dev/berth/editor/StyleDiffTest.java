package dev.berth.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.junit.jupiter.api.Test;

class StyleDiffTest {

    /// Builds spans from "length:class" pairs; an empty class means unstyled.
    private static StyleSpans<Collection<String>> spans(String... parts) {
        var builder = new StyleSpansBuilder<Collection<String>>();
        for (String part : parts) {
            String[] p = part.split(":", -1);
            builder.add(p[1].isEmpty() ? List.of() : List.of(p[1]), Integer.parseInt(p[0]));
        }
        return builder.create();
    }

    @Test
    void changed_identicalStyles_isEmpty() {
        var range = StyleDiff.changed(spans("3:keyword", "5:", "2:string"), spans("3:keyword", "5:", "2:string"));
        assertThat(range.isEmpty()).isTrue();
    }

    @Test
    void changed_sameStylesSplitDifferently_isEmpty() {
        var range = StyleDiff.changed(spans("2:", "3:", "0:x", "5:string"), spans("5:", "5:string"));
        assertThat(range.isEmpty()).isTrue();
    }

    @Test
    void changed_oneWordRestyledInTheMiddle_coversOnlyThatWord() {
        var range = StyleDiff.changed(spans("4:", "6:", "4:"), spans("4:", "6:keyword", "4:"));
        assertThat(range).isEqualTo(new StyleDiff.Range(4, 10));
    }

    @Test
    void changed_differenceAtTheEnd_runsToTheEnd() {
        var range = StyleDiff.changed(spans("8:", "2:"), spans("8:", "2:number"));
        assertThat(range).isEqualTo(new StyleDiff.Range(8, 10));
    }

    @Test
    void changed_differenceAtTheStart_startsAtZero() {
        var range = StyleDiff.changed(spans("1:punctuation", "9:"), spans("10:"));
        assertThat(range).isEqualTo(new StyleDiff.Range(0, 1));
    }
}
