package dev.berth.templates;

import java.util.Objects;

/// One file of a template: `path` is where it lands in the new project ('/'-separated, relative),
/// `executable` says whether it gets the owner's execute bit, and `shared` names the shared group it
/// comes from (null for a file of the template's own folder). Immutable, thread-safe.
///
/// Shared groups (`templates/_shared/<group>/`) hold what several templates ship alike: the custom-handler
/// helper and ignore files of a language, the pom and Dockerfile of a kind of build, the Durable Task
/// wiring. One copy in the jar keeps the helpers from drifting apart between templates.
public record TemplateFile(String path, boolean executable, String shared) {
    /// Prefix under which a dot-file is stored in the resources. Git would obey a real `.gitignore`
    /// inside the template folder (and stop tracking the template's own `local.settings.json`), and
    /// Maven's resource copying drops `.gitignore` by default, so dot-files are kept as `dot-<name>`.
    static final String DOT_PREFIX = "dot-";

    /// The resource folder (under `templates/`) of the shared groups.
    static final String SHARED_FOLDER = "_shared";

    public TemplateFile {
        Objects.requireNonNull(path, "path");
        if (path.isBlank() || path.startsWith("/") || path.contains("\\") || path.contains("..")) {
            throw new IllegalArgumentException("template file path '" + path
                    + "' must be relative, '/'-separated and stay inside the project");
        }
        if (shared != null && !shared.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("shared group '" + shared + "' must be lowercase letters, digits, '-'");
        }
    }

    /// A file of the template's own folder.
    public TemplateFile(String path, boolean executable) { this(path, executable, null); }

    /// The file's name inside its resource folder (the template's, or its shared group's).
    public String resourcePath() {
        int slash = path.lastIndexOf('/');
        var name = path.substring(slash + 1);
        return name.startsWith(".") ? path.substring(0, slash + 1) + DOT_PREFIX + name.substring(1) : path;
    }

    /// The classpath resource that holds this file of template `templateId`.
    public String resource(String templateId) {
        var folder = shared == null ? templateId : SHARED_FOLDER + "/" + shared;
        return "/templates/" + folder + "/" + resourcePath();
    }
}
