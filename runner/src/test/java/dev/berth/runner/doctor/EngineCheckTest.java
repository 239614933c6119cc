package dev.berth.runner.doctor;

import dev.berth.runner.container.EngineInfo;
import dev.berth.runner.doctor.Finding.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineCheckTest {
    private final EngineCheck check = new EngineCheck();

    @Test
    void run_dockerAnswersWithARecentApi_reportsBothOk() {
        var findings = check.run(DoctorFakes.reachable());
        assertThat(findings).extracting(Finding::status).containsExactly(Status.OK, Status.OK);
        assertThat(findings.get(0).found()).isEqualTo("Docker 27.3.1 on Ubuntu 24.04");
        assertThat(findings.get(1).found()).startsWith("1.47");
    }

    @Test
    void run_dockerUnreachable_failsWithItsReasonAndSkipsTheApi() {
        var findings = check.run(DoctorFakes.unreachable());
        assertThat(findings.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(findings.get(0).found()).contains("connection refused");
        assertThat(findings.get(0).fix()).contains("run the checks again");
        assertThat(findings.get(1).status()).isEqualTo(Status.INFO);
        assertThat(findings.get(1).found()).contains("not checked");
    }

    @Test
    void run_apiOlderThan141_fails() {
        var old = new EngineInfo("19.03.2", "1.40", "linux", false, "");
        var api = check.run(DoctorFakes.reachable(old)).get(1);
        assertThat(api.status()).isEqualTo(Status.FAIL);
        assertThat(api.found()).contains("1.40").contains("1.41");
        assertThat(api.fix()).contains("upgrade Docker");
    }

    @Test
    void compare_numericParts_notText() {
        assertThat(EngineCheck.compare("1.9", "1.41")).isNegative();
        assertThat(EngineCheck.compare("1.41", "1.41")).isZero();
        assertThat(EngineCheck.compare("1.47", "1.41")).isPositive();
        assertThat(EngineCheck.compare("2", "1.41")).isPositive();
    }
}
