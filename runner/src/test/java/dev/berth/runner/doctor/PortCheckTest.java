package dev.berth.runner.doctor;

import dev.berth.runner.doctor.Finding.Status;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PortCheckTest {
    private static final Path PROJECT = Path.of("/work/hello");

    private static List<Finding> run(Set<Integer> taken, Optional<URI> session) {
        return new PortCheck(DoctorFakes.host(Map.of(), taken), PROJECT, dir -> session, 7071, 4001)
                .run(DoctorFakes.reachable());
    }

    @Test
    void run_bothFree_isOk() {
        var findings = run(Set.of(), Optional.empty());
        assertThat(findings).extracting(Finding::name).containsExactly("Port 7071 (ingress)", "Port 4001 (durable)");
        assertThat(findings).extracting(Finding::status).containsExactly(Status.OK, Status.OK);
    }

    @Test
    void run_takenByAnotherProgram_warnsWithTheOptionToAvoidIt() {
        var findings = run(Set.of(7071, 4001), Optional.empty());
        assertThat(findings).extracting(Finding::status).containsExactly(Status.WARN, Status.WARN);
        assertThat(findings.get(0).fix()).contains("--port 0").contains("ss -ltnp");
        assertThat(findings.get(1).fix()).contains("--durable-port 0");
    }

    @Test
    void run_takenByThisProjectsRunningSession_isOk() {
        var findings = run(Set.of(7071, 4001), Optional.of(URI.create("http://127.0.0.1:7071")));
        assertThat(findings).extracting(Finding::status).containsExactly(Status.OK, Status.OK);
        assertThat(findings.get(0).found()).contains("running Berth session");
    }

    @Test
    void run_sessionServesAnotherPort_7071IsStillSomeoneElses() {
        var findings = run(Set.of(7071), Optional.of(URI.create("http://127.0.0.1:7099")));
        assertThat(findings).extracting(Finding::status).containsExactly(Status.WARN, Status.OK);
    }
}
