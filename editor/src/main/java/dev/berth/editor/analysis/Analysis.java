package dev.berth.editor.analysis;

import dev.berth.editor.Diagnostic;
import dev.berth.editor.lex.Span;
import java.util.List;

/// Everything the editor shows about one snapshot of its text: highlighted spans, diagnostics and
/// their underlines. Offsets refer to `text`. Immutable; built off the FX thread, applied on it.
public record Analysis(String text, List<Span> tokens, List<Diagnostic> diagnostics, List<Underline> underlines) {
    public Analysis {
        tokens = List.copyOf(tokens);
        diagnostics = List.copyOf(diagnostics);
        underlines = List.copyOf(underlines);
    }
}
