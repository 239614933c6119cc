package dev.berth.app.ui.main;

import dev.berth.editor.Diagnostic;
import dev.berth.runner.project.ProjectProblem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectFileChecksTest {
    @Test
    void functionJson_badCron_isAnErrorOnTheScheduleLineWithTheRunnersMessageAndFix() {
        var validator = ProjectFileChecks.forFile(Path.of("/p/tick/function.json")).orElseThrow();

        var found = validator.validate("""
                {
                  "bindings": [
                    {"type": "timerTrigger", "direction": "in", "name": "timer",
                     "schedule": "*/5 * * * *"}
                  ]
                }""");

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.ERROR);
            assertThat(d.message()).startsWith("bindings[0].schedule: ").contains("Fix: write six fields");
        });
    }

    @Test
    void hostJson_unknownField_isAWarning() {
        var validator = ProjectFileChecks.forFile(Path.of("host.json")).orElseThrow();

        var found = validator.validate("{\n  \"version\": \"2.0\",\n  \"functionTimout\": \"00:05:00\"\n}");

        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.message()).contains("functionTimeout");
        });
    }

    @Test
    void otherFiles_haveNoExtraChecks() {
        assertThat(ProjectFileChecks.forFile(Path.of("local.settings.json"))).isEmpty();
        assertThat(ProjectFileChecks.forFile(Path.of("handler.py"))).isEmpty();
    }

    @Test
    void diagnostic_problemWithoutLine_isShownOnLineOne() {
        var problem = new ProjectProblem(Path.of("x", "function.json"), 0, "", "broken.", "",
                ProjectProblem.Severity.ERROR);

        assertThat(ProjectFileChecks.diagnostic(problem)).isEqualTo(new Diagnostic(1, 1, "broken."));
    }
}
