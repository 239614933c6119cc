package dev.berth.templates;

import java.util.List;
import java.util.Optional;

/// The templates shipped inside this module (resources under `templates/<id>/`). Immutable, thread-safe.
public final class TemplateCatalog {
    private final List<Template> templates;

    private TemplateCatalog(List<Template> templates) { this.templates = List.copyOf(templates); }

    /// The built-in catalog, read from the module's resources.
    public static TemplateCatalog builtIn() {
        throw new IllegalStateException("catalog is being built");
    }

    public List<Template> list() { return templates; }

    public Optional<Template> find(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
