package dev.berth.runner.doctor;

import dev.berth.runner.doctor.Finding.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DoctorTest {
    @Test
    void run_asksTheEngineOnce_andHandsEveryCheckTheSameState() {
        var calls = new AtomicInteger();
        var seen = new java.util.ArrayList<EngineState>();
        Check recording = state -> {
            seen.add(state);
            return List.of(Finding.ok("x", "y"));
        };
        var findings = new Doctor(DoctorFakes.engine(null, Set.of(), calls), List.of(recording, recording, new EngineCheck())).run();
        assertThat(calls).hasValue(1);
        assertThat(seen).hasSize(2).allMatch(s -> s instanceof EngineState.Reachable r && r.dataRoot().isPresent());
        assertThat(findings).hasSize(4);
        assertThat(Doctor.healthy(findings)).isTrue();
    }

    @Test
    void run_engineDown_isUnhealthy() {
        var findings = new Doctor(DoctorFakes.engine("connection refused", Set.of(), new AtomicInteger()),
                List.of(new EngineCheck())).run();
        assertThat(findings.getFirst().status()).isEqualTo(Status.FAIL);
        assertThat(findings.getFirst().found()).isEqualTo("connection refused");
        assertThat(Doctor.healthy(findings)).isFalse();
    }

    @Test
    void run_aCheckThrows_becomesAFailFindingAndTheOthersStillRun() {
        Check broken = state -> { throw new IllegalStateException("boom"); };
        var findings = new Doctor(DoctorFakes.engine(null, Set.of(), new AtomicInteger()),
                List.of(broken, new EngineCheck())).run();
        assertThat(findings).hasSize(3);
        assertThat(findings.getFirst().status()).isEqualTo(Status.FAIL);
        assertThat(findings.getFirst().found()).contains("boom");
        assertThat(findings.get(1).name()).isEqualTo("Docker");
    }
}
