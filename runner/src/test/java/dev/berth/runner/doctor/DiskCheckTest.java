package dev.berth.runner.doctor;

import dev.berth.runner.doctor.Finding.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DiskCheckTest {
    private static final long GB = 1L << 30;
    @TempDir Path dockerRoot;
    @TempDir Path project;

    private List<Finding> run(long dockerFree, long projectFree) {
        var host = DoctorFakes.host(Map.of(dockerRoot, dockerFree, project, projectFree), Set.of());
        var state = new EngineState.Reachable(DoctorFakes.DOCKER, Optional.of(dockerRoot.toString()));
        return new DiskCheck(host, project).run(state);
    }

    @Test
    void run_plentyOfSpace_isOkWithTheAmount() {
        var findings = run(80 * GB, 120 * GB);
        assertThat(findings).extracting(Finding::status).containsExactly(Status.OK, Status.OK);
        assertThat(findings.get(0).found()).isEqualTo("80.0 GB free at " + dockerRoot);
    }

    @Test
    void run_aFewGbLeft_warnsWithAFix() {
        var findings = run(3 * GB, 2 * GB);
        assertThat(findings).extracting(Finding::status).containsExactly(Status.WARN, Status.WARN);
        assertThat(findings.get(0).fix()).contains("docker system prune");
        assertThat(findings.get(1).found()).contains(project.toString());
    }

    @Test
    void run_underOneGb_fails() {
        assertThat(run(GB / 2, 50 * GB)).extracting(Finding::status).containsExactly(Status.FAIL, Status.OK);
    }

    @Test
    void run_dataRootNotOnThisMachine_saysWhereToLook() {
        var host = DoctorFakes.host(Map.of(project, 50 * GB), Set.of());
        var state = new EngineState.Reachable(DoctorFakes.DOCKER, Optional.of("/no/such/docker-vm/root"));
        var docker = new DiskCheck(host, project).run(state).get(0);
        assertThat(docker.status()).isEqualTo(Status.INFO);
        assertThat(docker.found()).contains("not on this machine");
        assertThat(docker.fix()).contains("Docker Desktop");
    }

    @Test
    void run_dockerUnreachable_skipsDockerButMeasuresTheProject() {
        var host = DoctorFakes.host(Map.of(project, 50 * GB), Set.of());
        var findings = new DiskCheck(host, project).run(DoctorFakes.unreachable());
        assertThat(findings).extracting(Finding::status).containsExactly(Status.INFO, Status.OK);
    }
}
