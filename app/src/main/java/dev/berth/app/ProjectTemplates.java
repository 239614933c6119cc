package dev.berth.app;

import dev.berth.templates.Scaffolder;
import dev.berth.templates.Template;
import dev.berth.templates.TemplateCatalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/// The template gallery and the scaffolder behind one seam, so the desktop UI can be driven with fakes
/// in tests. Implementations are thread-safe; `scaffold` writes files, so call it off the FX thread.
public interface ProjectTemplates {
    List<Template> list();

    /// Creates `targetDir` with the template's files and returns it.
    Path scaffold(Template template, Path targetDir, String appName) throws IOException;

    /// The built-in catalog (read on first use) and the real scaffolder.
    static ProjectTemplates builtIn() {
        var scaffolder = new Scaffolder();
        return new ProjectTemplates() {
            private volatile TemplateCatalog catalog;

            @Override public List<Template> list() {
                var c = catalog;
                if (c == null) catalog = c = TemplateCatalog.builtIn();
                return c.list();
            }

            @Override public Path scaffold(Template template, Path targetDir, String appName) throws IOException {
                return scaffolder.scaffold(template, targetDir, appName);
            }
        };
    }
}
