package dev.berth.app.ui.run;

import dev.berth.runner.event.ImageBuildProgress;
import dev.berth.runner.event.InvocationFinished;
import dev.berth.runner.event.InvocationStarted;
import dev.berth.runner.event.LogLine;
import dev.berth.runner.event.ReplicaState;
import dev.berth.runner.event.ReplicaStateChanged;
import dev.berth.runner.event.RunnerNotice;
import dev.berth.visualizer.InvocationRow;
import dev.berth.visualizer.LogEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RunnerEventMapperTest {
    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");
    private final RunnerEventMapper mapper = new RunnerEventMapper();

    @Test
    void toLog_replicaLine_keepsReplicaAsSourceAndStream() {
        assertThat(mapper.toLog(new LogLine(AT, "app-r1-a1", "stderr", "boom")))
                .contains(new LogEntry(AT, "app-r1-a1", "stderr", "boom"));
    }

    @Test
    void toLog_buildProgress_isFromBuildSource() {
        assertThat(mapper.toLog(new ImageBuildProgress(AT, "berth/app:dev", "Step 1/4 : FROM python", false)))
                .contains(new LogEntry(AT, "build", "build", "Step 1/4 : FROM python"));
    }

    @Test
    void toLog_notice_isFromBerthWithLevelAsStream() {
        assertThat(mapper.toLog(new RunnerNotice(AT, RunnerNotice.Level.WARNING, "unknown field x")))
                .contains(new LogEntry(AT, "berth", "warning", "unknown field x"));
    }

    @Test
    void toLog_replicaCrash_saysStateAndDetail() {
        var log = mapper.toLog(new ReplicaStateChanged(AT, "app-r1-a1", "r1", "c1", ReplicaState.CRASHED, "exit code 1"));
        assertThat(log).map(LogEntry::text).contains("replica app-r1-a1 CRASHED: exit code 1");
    }

    @Test
    void toLog_invocationStarted_isNotLoggedTwice() {
        assertThat(mapper.toLog(new InvocationStarted(AT, "i1", "hello", "r1", "httpTrigger", "GET /api/hello"))).isEmpty();
    }

    @Test
    void toInvocation_finished_copiesEveryField() {
        var finished = new InvocationFinished(AT, "i1", "hello", "app-r1-a1", 500, Duration.ofMillis(42), "handler crashed",
                "GET /api/hello", "");
        assertThat(mapper.toInvocation(finished)).contains(new InvocationRow(AT, "i1", "hello", "app-r1-a1", 500,
                Duration.ofMillis(42), "handler crashed", "GET /api/hello", ""));
        assertThat(mapper.toLog(finished)).map(LogEntry::text).contains("hello → 500 in 42 ms (handler crashed)");
    }

    @Test
    void toInvocation_otherEvents_giveNoRow() {
        assertThat(mapper.toInvocation(new LogLine(AT, "r", "stdout", "x"))).isEmpty();
    }
}
