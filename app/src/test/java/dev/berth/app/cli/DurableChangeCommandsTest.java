package dev.berth.app.cli;

import dev.berth.runner.durable.RuntimeStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/// `berth durable raise|terminate|suspend|resume|rewind|purge` against a stand-in session serving the real
/// management API: what reaches the backend, what they print, and their exit codes.
class DurableChangeCommandsTest extends DurableCliFixture {
    @BeforeEach
    void instances() {
        session.put("waiting", "Approval", RuntimeStatus.RUNNING, null, null);
        session.put("done", "Chain", RuntimeStatus.COMPLETED, null, "1");
        session.put("failed", "Chain", RuntimeStatus.FAILED, null, null);
    }

    @Test
    void raise_withData_deliversItAndSaysSo() {
        assertThat(berth("raise", project.toString(), "waiting", "approval", "--data", "{\"ok\": true}")).isZero();

        assertThat(session.calls).containsExactly("raise waiting approval {\"ok\": true}");
        assertThat(cli.out().strip()).isEqualTo("Raised event 'approval' on instance waiting.");
    }

    @Test
    void raise_withoutData_deliversNull() {
        assertThat(berth("raise", project.toString(), "waiting", "go")).isZero();

        assertThat(session.calls).containsExactly("raise waiting go null");
    }

    @Test
    void raise_malformedData_exitsTwoAndSendsNothing() {
        assertThat(berth("raise", project.toString(), "waiting", "approval", "--data", "yes")).isEqualTo(2);

        assertThat(cli.err()).contains("--data is not valid JSON").contains("'\"text\"'");
        assertThat(session.calls).isEmpty();
    }

    @Test
    void raise_finishedInstance_exitsOneWithTheReason() {
        assertThat(berth("raise", project.toString(), "done", "approval")).isEqualTo(1);

        assertThat(cli.err()).contains("Instance 'done' is Completed");
    }

    @Test
    void terminate_reason_becomesTheOutputString() {
        assertThat(berth("terminate", project.toString(), "waiting", "--reason", "not needed")).isZero();

        assertThat(session.calls).containsExactly("terminate waiting \"not needed\"");
        assertThat(cli.out().strip()).isEqualTo("Sent terminate to instance waiting.");
    }

    @ParameterizedTest
    @CsvSource({"suspend,waiting,0,suspend waiting why", "resume,waiting,0,resume waiting why",
            "rewind,waiting,0,rewind waiting why", "terminate,ghost,1,", "suspend,done,1,", "rewind,ghost,1,"})
    void operation_reachesTheBackendOrExitsOne(String operation, String id, int code, String call) {
        assertThat(berth(operation, project.toString(), id, "--reason", "why")).as(cli.err()).isEqualTo(code);

        if (code == 0) {
            assertThat(session.calls).containsExactly(call);
        } else {
            assertThat(session.calls).isEmpty();
            assertThat(cli.err()).contains("'" + id + "'");
        }
    }

    @Test
    void purge_finishedInstance_deletesIt() {
        assertThat(berth("purge", project.toString(), "done")).isZero();

        assertThat(cli.out().strip()).isEqualTo("Purged instance done and its history.");
        assertThat(berth("status", project.toString(), "done")).isEqualTo(1);
    }

    @Test
    void purge_unknownOrRunning_exitsOne() {
        assertThat(berth("purge", project.toString(), "ghost")).isEqualTo(1);
        assertThat(cli.err()).contains("'ghost'");

        assertThat(berth("purge", project.toString(), "waiting")).isEqualTo(1);
        assertThat(cli.err()).contains("waiting is running");
    }

    @Test
    void purge_allFinished_deletesEveryFinishedOneAndCounts() {
        assertThat(berth("purge", project.toString(), "--all-finished")).isZero();

        assertThat(cli.out().strip()).isEqualTo("Purged 2 finished instances.");
        assertThat(session.calls).containsExactly("purge 1970-01-01T00:00:00Z []");
        assertThat(berth("purge", project.toString(), "--all-finished")).isZero();
        assertThat(cli.out().strip()).isEqualTo("No finished instances to purge.");
    }

    @Test
    void purge_allFinishedWithStatus_purgesOnlyThose() {
        assertThat(berth("purge", project.toString(), "--all-finished", "--status", "failed")).isZero();

        assertThat(cli.out().strip()).isEqualTo("Purged 1 finished instance.");
        assertThat(session.calls).containsExactly("purge 1970-01-01T00:00:00Z [FAILED]");
    }

    @Test
    void purge_neitherIdNorAllFinished_exitsTwoWithBothForms() {
        assertThat(berth("purge", project.toString())).isEqualTo(2);

        assertThat(cli.err()).contains("not neither").contains("--all-finished");
    }

    @Test
    void purge_idAndAllFinished_exitsTwo() {
        assertThat(berth("purge", project.toString(), "done", "--all-finished")).isEqualTo(2);

        assertThat(cli.err()).contains("not both");
        assertThat(session.calls).isEmpty();
    }
}
