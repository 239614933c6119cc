package dev.berth.templates;

import java.util.List;
import java.util.Objects;

/// A project template: `id` as typed on the command line (`http-python`), a title and one-paragraph
/// description for the gallery, the function language and the trigger kind it shows, and the files
/// the scaffolder writes. Immutable, thread-safe.
public record Template(String id, String title, String description, String language, String trigger,
                       List<TemplateFile> files) {
    public Template {
        Objects.requireNonNull(id, "id");
        files = List.copyOf(files);
    }
}
