package dev.berth.app;

import dev.berth.runner.eventgrid.EventGridConfig;
import dev.berth.runner.project.ProjectLoader;
import dev.berth.templates.Scaffolder;
import dev.berth.templates.Template;
import dev.berth.templates.TemplateCatalog;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// Every template, scaffolded, passes the runner's own checks of every file it reads — host.json,
/// function.json, local.settings.json, containerapp.yaml, eventgrid.yaml — with no error and no warning.
class TemplatesLoadTest {
    @TempDir Path dir;

    static List<Template> templates() {
        return TemplateCatalog.builtIn().list();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void template_loadsWithoutProblems(Template template) throws Exception {
        var project = new Scaffolder().scaffold(template, dir.resolve("app"), "checked-app");

        var app = new ProjectLoader().load(project);
        var eventGrid = EventGridConfig.load(project, app.functions());

        assertThat(app.warnings()).isEmpty();
        assertThat(eventGrid.problems()).isEmpty();
        assertThat(app.functions()).isNotEmpty();
        assertThat(new dev.berth.runner.project.JobLoader().load(project).warnings()).isEmpty();
    }
}
