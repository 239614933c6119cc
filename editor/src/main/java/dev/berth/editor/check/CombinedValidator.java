package dev.berth.editor.check;

import dev.berth.editor.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The syntax check of a language followed by an extra validator the application contributes (e.g. the
/// rules of a particular file such as function.json). The extra one runs only when the syntax check finds no
/// error: on broken syntax it would only repeat the parser's complaint. A failing extra validator costs its
/// diagnostics, never the syntax ones. Thread-safe when both validators are; `extra` is read per call.
public final class CombinedValidator implements Validator {
    private static final Logger LOG = LoggerFactory.getLogger(CombinedValidator.class);

    private final Validator syntax;
    private final Supplier<Validator> extra;

    public CombinedValidator(Validator syntax, Supplier<Validator> extra) {
        this.syntax = syntax;
        this.extra = extra;
    }

    @Override
    public List<Diagnostic> validate(String text) {
        List<Diagnostic> found = syntax.validate(text);
        Validator more = extra.get();
        if (more == null || found.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR)) return found;
        var all = new ArrayList<>(found);
        try {
            all.addAll(more.validate(text));
        } catch (RuntimeException e) {
            LOG.warn("An extra validator failed on a text of {} characters", text.length(), e);
        }
        all.sort(Diagnostics.IN_TEXT_ORDER);
        return all;
    }
}
