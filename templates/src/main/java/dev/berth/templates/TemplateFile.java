package dev.berth.templates;

import java.util.Objects;

/// One file of a template: `path` is where it lands in the new project ('/'-separated, relative),
/// `executable` says whether it gets the owner's execute bit. Immutable, thread-safe.
public record TemplateFile(String path, boolean executable) {
    /// Prefix under which a dot-file is stored in the resources. Git would obey a real `.gitignore`
    /// inside the template folder (and stop tracking the template's own `local.settings.json`), and
    /// Maven's resource copying drops `.gitignore` by default, so dot-files are kept as `dot-<name>`.
    static final String DOT_PREFIX = "dot-";

    public TemplateFile {
        Objects.requireNonNull(path, "path");
        if (path.isBlank() || path.startsWith("/") || path.contains("\\") || path.contains("..")) {
            throw new IllegalArgumentException("template file path '" + path
                    + "' must be relative, '/'-separated and stay inside the project");
        }
    }

    /// The file's name inside the template's resource folder.
    public String resourcePath() {
        int slash = path.lastIndexOf('/');
        var name = path.substring(slash + 1);
        return name.startsWith(".") ? path.substring(0, slash + 1) + DOT_PREFIX + name.substring(1) : path;
    }
}
