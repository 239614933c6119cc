package dev.berth.editor.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.editor.Diagnostic;
import dev.berth.editor.Language;
import dev.berth.editor.lex.TokenType;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

    @Test
    void analyze_brokenJson_hasTokensDiagnosticAndUnderline() {
        Analysis a = Analyzer.forLanguage(Language.JSON).analyze("{\n  \"a\": 1,\n}");
        assertThat(a.tokens()).extracting(s -> s.type()).contains(TokenType.KEY, TokenType.NUMBER);
        assertThat(a.diagnostics()).extracting(Diagnostic::line).containsExactly(3);
        assertThat(a.underlines()).hasSize(1);
    }

    @Test
    void analyze_diagnosticPastTheLastLine_movesToTheLastLine() {
        var analyzer = new Analyzer(text -> List.of(), text -> List.of(new Diagnostic(7, 1, "end of input")));
        assertThat(analyzer.analyze("a\nb").diagnostics()).extracting(Diagnostic::line).containsExactly(2);
    }

    @Test
    void analyze_plainText_hasNothing() {
        Analysis a = Analyzer.forLanguage(Language.PLAIN).analyze("{ not json");
        assertThat(a.tokens()).isEmpty();
        assertThat(a.diagnostics()).isEmpty();
    }
}
