package dev.berth.app.ui.revision;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/// One active revision's weight as the user edits it: `weight` (0–100, what the slider and the field show)
/// starts at `configured`, what the ingress routes by now. FX thread only.
public final class WeightEdit {
    private final String revision;
    private final ReadOnlyIntegerWrapper configured;
    private final IntegerProperty weight;

    WeightEdit(String revision, int configured) {
        this.revision = revision;
        this.configured = new ReadOnlyIntegerWrapper(this, "configured", configured);
        this.weight = new SimpleIntegerProperty(this, "weight", configured);
    }

    public String revision() { return revision; }

    /// The weight the ingress routes by now.
    public int configured() { return configured.get(); }

    public ReadOnlyIntegerProperty configuredProperty() { return configured.getReadOnlyProperty(); }

    /// The edited weight; values outside 0–100 are clamped.
    public IntegerProperty weightProperty() { return weight; }

    public void setWeight(int percent) { weight.set(Math.max(0, Math.min(100, percent))); }

    boolean edited() { return weight.get() != configured.get(); }

    /// A new configured weight came in; an unedited field follows it, an edited one keeps the user's value.
    void configured(int now) {
        boolean follow = !edited();
        configured.set(now);
        if (follow) weight.set(now);
    }

    /// Back to the configured weight.
    void reset() { weight.set(configured.get()); }
}
