package dev.berth.editor;

import dev.berth.editor.analysis.Analysis;
import dev.berth.editor.analysis.AnalysisPipeline;
import dev.berth.editor.analysis.Analyzer;
import dev.berth.editor.check.CombinedValidator;
import dev.berth.editor.check.Validator;
import dev.berth.editor.lex.Lexer;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.layout.BorderPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.reactfx.Subscription;

/// A code editor for one file: line numbers, highlighting for its language, syntax-error markers in the
/// gutter (JSON and YAML), and a dirty flag.
///
/// Threading: FX thread only. Highlighting and validation run on one small background thread owned by
/// the editor, fed a snapshot of the text ~80 ms after typing pauses; results for text that has changed
/// since are dropped. Results come back through the `fx` executor the application gives (its one hop to
/// the FX thread), so this module never calls `Platform.runLater` itself. Call `close()` (or `dispose()`) when the editor's tab closes.
///
/// Needs an AtlantaFX theme on the scene (its looked-up colours style the editor).
public class CodeEditor extends BorderPane implements AutoCloseable {
    private static final Duration DEBOUNCE = Duration.ofMillis(80);
    private static final String STYLESHEET = Objects.requireNonNull(
            CodeEditor.class.getResource("code-editor.css"), "code-editor.css is missing from the editor jar").toExternalForm();

    private final Language language;
    private final CodeArea area = new CodeArea();
    private final Gutter gutter = new Gutter(area);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty", false);
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> readOnlyDiagnostics = FXCollections.unmodifiableObservableList(diagnostics);
    private final AnalysisPipeline pipeline;
    private final Subscription analysisTrigger;
    private String savedText = "";
    private boolean closed;
    /// Set on the FX thread, read by the analysis thread.
    private volatile Validator extraValidator;

    /// `fx` runs the analysis results on the FX thread (the application's FX executor).
    public CodeEditor(Language language, Executor fx) {
        this.language = Objects.requireNonNull(language, "language");
        Objects.requireNonNull(fx, "fx");
        getStyleClass().add("code-editor");
        getStylesheets().add(STYLESHEET);
        area.getStyleClass().add("lang-" + language.name().toLowerCase(Locale.ROOT));
        area.setParagraphGraphicFactory(gutter);
        area.setLineHighlighterOn(true);
        EditorKeys.install(area, language);
        var analyzer = new Analyzer(Lexer.forLanguage(language),
                new CombinedValidator(Validator.forLanguage(language), () -> extraValidator));
        pipeline = new AnalysisPipeline(analyzer::analyze,
                AnalysisPipeline.newBackgroundExecutor(), fx, this::apply);
        area.multiPlainChanges().subscribe(changes -> onEdit());
        analysisTrigger = area.multiPlainChanges().successionEnds(DEBOUNCE).subscribe(changes -> pipeline.submit(area.getText()));
        setCenter(new VirtualizedScrollPane<>(area));
    }

    public Language language() { return language; }

    /// Replaces the whole text (used when a file is opened): clears the dirty flag and the undo
    /// history. Line breaks are normalised to `\n`.
    public void setText(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        savedText = normalized;
        area.replaceText(normalized);
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.requestFollowCaret();
        dirty.set(false);
        // Highlight a freshly opened file at once instead of after the debounce.
        pipeline.submit(normalized);
    }

    public String getText() { return area.getText(); }

    /// The current text; changes on every edit (not debounced).
    public ObservableValue<String> textProperty() { return area.textProperty(); }

    /// True while the text differs from what was last set or saved (undoing back to it clears it).
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    /// Call after the text was written to disk: the current text becomes the clean state.
    public void markSaved() {
        savedText = area.getText();
        dirty.set(false);
    }

    /// Call after `text`, a snapshot taken earlier, was written to disk: it becomes the clean state, and
    /// the editor stays dirty when it was edited since the snapshot.
    public void markSaved(String text) {
        savedText = text;
        dirty.set(!area.getText().equals(savedText));
    }

    /// Current syntax problems (recomputed shortly after each edit), in text order. Read-only.
    public ObservableList<Diagnostic> diagnostics() { return readOnlyDiagnostics; }

    /// Adds the application's own checks of this file (e.g. the rules of a function.json) to the syntax
    /// check. `validator` runs on the editor's analysis thread, debounced like highlighting, only while the
    /// text parses; it must be pure and thread-safe. Null removes it. Re-validates the current text at once.
    public void setExtraValidator(Validator validator) {
        extraValidator = validator;
        pipeline.textChanged();
        pipeline.submit(area.getText());
    }

    /// Moves the caret to the start of `line` (1-based, clamped) and scrolls it into view.
    public void gotoLine(int line) {
        int paragraph = Math.clamp(line - 1, 0, area.getParagraphs().size() - 1);
        area.moveTo(paragraph, 0);
        area.requestFollowCaret();
    }

    /// Gives keyboard focus to the text area (the editor itself is a container).
    public void requestFocusInEditor() { area.requestFocus(); }

    /// False makes the editor read-only (it still highlights and validates).
    public BooleanProperty editableProperty() { return area.editableProperty(); }

    /// Stops the background analysis. The editor stays usable as a plain text area with a dirty flag.
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        analysisTrigger.unsubscribe();
        pipeline.close();
    }

    /// Same as `close()`.
    public void dispose() { close(); }

    private void onEdit() {
        pipeline.textChanged();
        dirty.set(area.getLength() != savedText.length() || !area.getText().equals(savedText));
    }

    private void apply(Analysis analysis) {
        // The pipeline drops stale results; the length check guards against a change it did not see.
        if (analysis.text().length() != area.getLength()) return;
        if (!analysis.text().isEmpty()) restyle(StyleSpansFactory.of(analysis));
        if (!diagnostics.equals(analysis.diagnostics())) diagnostics.setAll(analysis.diagnostics());
        gutter.show(analysis.diagnostics());
    }

    /// Applies only the part of `next` that differs from what the area shows.
    private void restyle(StyleSpans<Collection<String>> next) {
        StyleDiff.Range changed = StyleDiff.changed(area.getStyleSpans(0, area.getLength()), next);
        if (!changed.isEmpty()) area.setStyleSpans(changed.start(), next.subView(changed.start(), changed.end()));
    }

    /// The text area, for tests in this package.
    CodeArea area() { return area; }
}
