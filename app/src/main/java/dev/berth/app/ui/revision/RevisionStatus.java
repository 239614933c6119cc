package dev.berth.app.ui.revision;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/// The one line at the bottom of the Revisions tab: what the last action did, is doing, or why it was
/// refused (a [dev.berth.runner.revision.RevisionException]'s message names the fix). FX thread only.
public final class RevisionStatus {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);

    void info(String message) { set(message, false); }

    void error(String message) { set(message, true); }

    /// A refused or failed action, as "<what> failed: <why>".
    void failed(String what, Exception failure) {
        var why = failure.getMessage() == null || failure.getMessage().isBlank() ? failure.toString() : failure.getMessage();
        set(what + " failed: " + why, true);
    }

    void clear() { set("", false); }

    private void set(String message, boolean isError) {
        error.set(isError);
        text.set(message);
    }

    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty errorProperty() { return error.getReadOnlyProperty(); }
}
