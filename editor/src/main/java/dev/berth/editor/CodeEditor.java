package dev.berth.editor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.layout.BorderPane;

/// A code editor for one file: line numbers, highlighting for its language, syntax-error markers in the
/// gutter (JSON and YAML), and a dirty flag. FX thread only.
public class CodeEditor extends BorderPane {
    private final Language language;
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();

    public CodeEditor(Language language) { this.language = language; }

    public Language language() { return language; }

    /// Replaces the whole text and clears the dirty flag (used when a file is opened).
    public void setText(String text) { throw new IllegalStateException("editor is being built" + text); }

    public String getText() { return ""; }

    /// True once the text differs from what was last set or saved.
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    /// Call after the text was written to disk: clears the dirty flag.
    public void markSaved() { dirty.set(false); }

    /// Current syntax problems (recomputed shortly after each edit). Read-only for callers.
    public ObservableList<Diagnostic> diagnostics() { return FXCollections.unmodifiableObservableList(diagnostics); }
}
