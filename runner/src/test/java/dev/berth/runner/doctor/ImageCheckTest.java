package dev.berth.runner.doctor;

import dev.berth.runner.doctor.Finding.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ImageCheckTest {
    private static final List<String> BASES = List.of("berth/base-python:bookworm", "berth/base-java:25");

    @Test
    void run_onePresentOneMissing_missingWarnsItIsBuiltAtFirstRun() {
        var engine = DoctorFakes.engine(null, Set.of("berth/base-python:bookworm"), new AtomicInteger());
        var findings = new ImageCheck(engine, BASES).run(DoctorFakes.reachable());
        assertThat(findings).extracting(Finding::status).containsExactly(Status.OK, Status.WARN);
        assertThat(findings.get(1).name()).isEqualTo("Image berth/base-java:25");
        assertThat(findings.get(1).fix()).contains("built at first run, ~1 min");
    }

    @Test
    void run_dockerUnreachable_skipsWithoutAskingTheEngine() {
        var engine = DoctorFakes.engine("down", Set.of(), new AtomicInteger());
        var findings = new ImageCheck(engine, BASES).run(DoctorFakes.unreachable());
        assertThat(findings).extracting(Finding::status).containsExactly(Status.INFO, Status.INFO);
    }
}
