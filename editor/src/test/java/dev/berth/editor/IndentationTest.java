package dev.berth.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndentationTest {

    @Test
    void width_jsonAndYamlUseTwo_codeUsesFour() {
        assertThat(Indentation.width(Language.JSON)).isEqualTo(2);
        assertThat(Indentation.width(Language.YAML)).isEqualTo(2);
        assertThat(Indentation.width(Language.JAVA)).isEqualTo(4);
        assertThat(Indentation.width(Language.DOCKERFILE)).isEqualTo(4);
    }

    @Test
    void tab_movesToTheNextTabStop() {
        assertThat(Indentation.tab(0, 4)).isEqualTo("    ");
        assertThat(Indentation.tab(1, 4)).isEqualTo("   ");
        assertThat(Indentation.tab(4, 2)).isEqualTo("  ");
    }

    @Test
    void newLine_keepsTheCurrentIndentation() {
        assertThat(Indentation.newLine("    return x;", Language.JAVA)).isEqualTo("\n    ");
        assertThat(Indentation.newLine("\tfoo", Language.PLAIN)).isEqualTo("\n\t");
    }

    @Test
    void newLine_afterABlockOpener_indentsOneLevelMore() {
        assertThat(Indentation.newLine("  \"a\": {", Language.JSON)).isEqualTo("\n    ");
        assertThat(Indentation.newLine("def f():", Language.PYTHON)).isEqualTo("\n    ");
        assertThat(Indentation.newLine("  ingress:", Language.YAML)).isEqualTo("\n    ");
        assertThat(Indentation.newLine("  # note:", Language.YAML)).isEqualTo("\n  ");
        assertThat(Indentation.newLine("label: x:", Language.DOCKERFILE)).isEqualTo("\n");
    }

    @Test
    void dedent_goesBackToThePreviousTabStop() {
        assertThat(Indentation.dedent("      x", 4)).isEqualTo(2);
        assertThat(Indentation.dedent("    x", 4)).isEqualTo(4);
        assertThat(Indentation.dedent("x", 4)).isZero();
    }
}
