package dev.berth.runner.durable;

import com.microsoft.durabletask.DurableTaskGrpcClientBuilder;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import com.microsoft.durabletask.Task;
import io.grpc.ManagedChannelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.berth.runner.durable.SdkPatternsTest.activity;
import static dev.berth.runner.durable.SdkPatternsTest.orchestration;
import static org.assertj.core.api.Assertions.assertThat;

/// SIGKILL of the process that runs the backend, in the middle of a fan-out of the real SDK's worker:
/// after a restart on the same database the orchestration completes with the right result, every
/// activity result is in the history exactly once, and the database is intact.
class DurableKillTest {
    private static final int ACTIVITIES = 300;
    private static final int KILL_AFTER = 120;

    @TempDir Path dir;

    @Test
    void backendKilledMidFanOut_restartsAndCompletesWithEveryResultAppliedOnce() throws Exception {
        var db = dir.resolve("berth.db");
        int port = freePort();
        var backend = new AtomicProcess(startBackend(db, port));
        var runs = new AtomicInteger();
        var killed = new CountDownLatch(1);
        var channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        var worker = SdkHarness.worker(channel, w -> w
                .addOrchestration(orchestration("FanOut", ctx -> {
                    var tasks = new ArrayList<Task<Integer>>();
                    for (int i = 1; i <= ACTIVITIES; i++) tasks.add(ctx.callActivity("Double", i, Integer.class));
                    ctx.complete(ctx.allOf(tasks).await().stream().mapToInt(Integer::intValue).sum());
                }))
                .addActivity(activity("Double", ctx -> {
                    if (runs.incrementAndGet() == KILL_AFTER) {
                        backend.get().destroyForcibly(); // SIGKILL, mid fan-out: no close, no shutdown hook
                        killed.countDown();
                    }
                    return 2 * ctx.getInput(Integer.class);
                })));
        try {
            var client = new DurableTaskGrpcClientBuilder().grpcChannel(channel).build();
            var id = client.scheduleNewOrchestrationInstance("FanOut");
            assertThat(killed.await(60, TimeUnit.SECONDS)).as("the fan-out got under way").isTrue();
            assertThat(backend.get().waitFor(30, TimeUnit.SECONDS)).isTrue();

            backend.set(startBackend(db, port));
            var done = client.waitForInstanceCompletion(id, Duration.ofSeconds(90), true);

            assertThat(done.getRuntimeStatus()).isEqualTo(OrchestrationRuntimeStatus.COMPLETED);
            assertThat(done.readOutputAs(Integer.class)).isEqualTo(ACTIVITIES * (ACTIVITIES + 1));
            assertThat(runs.get()).as("activities run at least once").isGreaterThanOrEqualTo(ACTIVITIES);
        } finally {
            channel.shutdownNow();
            worker.interrupt();
            backend.get().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertHistoryExactlyOnce(db);
    }

    private static void assertHistoryExactlyOnce(Path db) throws Exception {
        try (var store = DurableStore.open(db)) {
            var page = store.query("test-hub", InstanceQuery.all());
            assertThat(page.instances()).singleElement().extracting(InstanceInfo::status).isEqualTo(RuntimeStatus.COMPLETED);
            var history = store.history(new InstanceKey("test-hub", page.instances().getFirst().instanceId()));
            var scheduled = history.stream().filter(e -> e.hasTaskScheduled()).map(e -> e.getEventId()).toList();
            var completed = history.stream().filter(e -> e.hasTaskCompleted())
                    .map(e -> e.getTaskCompleted().getTaskScheduledId()).toList();
            assertThat(scheduled).hasSize(ACTIVITIES).doesNotHaveDuplicates();
            assertThat(completed).hasSize(ACTIVITIES).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(scheduled);
            assertThat(history.stream().filter(e -> e.hasExecutionCompleted())).hasSize(1);
        }
        try (var jdbc = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             var check = jdbc.createStatement();
             var integrity = check.executeQuery("PRAGMA integrity_check")) {
            assertThat(integrity.next()).isTrue();
            assertThat(integrity.getString(1)).isEqualTo("ok");
        }
    }

    private static Process startBackend(Path db, int port) throws Exception {
        var child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                BackendProcess.class.getName(), db.toString(), Integer.toString(port))
                .redirectErrorStream(true).start();
        var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        var said = new ArrayList<String>();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals(BackendProcess.READY)) {
                Thread.ofVirtual().start(() -> drain(out)); // keep its pipe from filling up
                return child;
            }
            said.add(line);
        }
        throw new AssertionError("the backend process ended before it was ready; it said: " + said);
    }

    private static void drain(BufferedReader out) {
        try (out) {
            while (out.readLine() != null) { /* discard */ }
        } catch (java.io.IOException ended) {
            // the process was killed
        }
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /// The process under test: a backend on the given database and port, until it is killed.
    static final class BackendProcess {
        static final String READY = "READY";

        public static void main(String[] args) throws Exception {
            var backend = DurableBackend.start(new DurableBackend.Settings(Path.of(args[0]), Integer.parseInt(args[1]),
                    List.of(), true, "test-hub", List.of(), Clock.systemUTC(), event -> { }));
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
            backend.close();
        }
    }

    /// The current backend process, replaced on restart (the activity that kills it runs on the worker's thread).
    private static final class AtomicProcess {
        private volatile Process process;

        AtomicProcess(Process process) { this.process = process; }

        Process get() { return process; }

        void set(Process next) { process = next; }
    }
}
