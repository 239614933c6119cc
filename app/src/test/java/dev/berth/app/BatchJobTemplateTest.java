package dev.berth.app;

import dev.berth.runner.project.JobLoader;
import dev.berth.runner.project.JobSpec;
import dev.berth.templates.Scaffolder;
import dev.berth.templates.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/// The batch-job template's jobs read as its README says: a Manual job with two replicas at once, two
/// completions, a timeout and one retry, and a daily Schedule job, both on the project's image.
class BatchJobTemplateTest {
    @TempDir Path dir;

    @Test void scaffold_batchJob_declaresTheManualAndScheduleJobs() throws Exception {
        var project = new Scaffolder().scaffold(TemplateCatalog.builtIn().find("batch-job").orElseThrow(),
                dir.resolve("app"), "batch-app");

        var jobs = new JobLoader().load(project).jobs();

        assertThat(jobs).extracting(JobSpec::name).containsExactly("nightly-report", "process-batch");
        var nightly = jobs.getFirst();
        assertThat(nightly.trigger()).isEqualTo(JobSpec.Trigger.SCHEDULE);
        assertThat(nightly.cron()).isEqualTo(Optional.of("0 2 * * *"));
        var batch = jobs.get(1);
        assertThat(batch.trigger()).isEqualTo(JobSpec.Trigger.MANUAL);
        assertThat(batch.parallelism()).isEqualTo(2);
        assertThat(batch.completionCount()).isEqualTo(2);
        assertThat(batch.replicaTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(batch.retryLimit()).isEqualTo(1);
        assertThat(jobs).allSatisfy(j -> assertThat(j.container().image()).as("the project's image").isEmpty());
        assertThat(batch.container().command()).containsExactly("python3", "-u", "batch.py");
    }
}
