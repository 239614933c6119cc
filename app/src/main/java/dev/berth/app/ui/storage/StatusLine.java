package dev.berth.app.ui.storage;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/// The one line under an explorer that says what the last action did or why it failed. A store's refusal
/// is shown as its message, which names the field and the fix. FX thread only.
public final class StatusLine {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    private boolean unavailable;

    void info(String message) { set(message, false, false); }

    void error(String message) { set(message, true, false); }

    /// A failed background call: no storage right now (a run starting) is news, anything else an error.
    void failed(Exception failure) {
        if (failure instanceof StorageAccess.StorageUnavailableException) {
            set("Storage is not available while " + failure.getMessage() + "; the explorer resumes on its own.",
                    false, true);
            return;
        }
        var why = failure.getMessage() == null || failure.getMessage().isBlank() ? failure.toString() : failure.getMessage();
        set(Character.toUpperCase(why.charAt(0)) + why.substring(1), true, false);
    }

    /// The storage answers again: drop a "not available" note.
    void clearUnavailable() {
        if (unavailable) set("", false, false);
    }

    private void set(String message, boolean isError, boolean isUnavailable) {
        text.set(message);
        error.set(isError);
        unavailable = isUnavailable;
    }

    public ReadOnlyStringProperty textProperty() { return text.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty errorProperty() { return error.getReadOnlyProperty(); }
}
