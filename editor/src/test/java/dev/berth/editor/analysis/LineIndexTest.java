package dev.berth.editor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineIndexTest {

    @Test
    void offset_lineAndColumn_mapToCharacterOffsets() {
        LineIndex lines = LineIndex.of("ab\ncde\n");
        assertThat(lines.lineCount()).isEqualTo(3);
        assertThat(lines.offset(1, 1)).isZero();
        assertThat(lines.offset(2, 3)).isEqualTo(5);
        assertThat(lines.lineEnd(2)).isEqualTo(6);
        assertThat(lines.lineStart(3)).isEqualTo(7);
    }

    @Test
    void offset_outOfRange_isClampedToTheText() {
        LineIndex lines = LineIndex.of("ab\ncd");
        assertThat(lines.offset(2, 99)).isEqualTo(5);
        assertThat(lines.offset(9, 1)).isEqualTo(3);
        assertThat(lines.offset(0, 0)).isZero();
    }

    @Test
    void of_manyLines_growsItsTable() {
        LineIndex lines = LineIndex.of("x\n".repeat(100));
        assertThat(lines.lineCount()).isEqualTo(101);
        assertThat(lines.lineStart(100)).isEqualTo(198);
    }
}
