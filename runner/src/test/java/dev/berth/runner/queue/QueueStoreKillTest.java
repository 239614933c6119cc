package dev.berth.runner.queue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// A real SIGKILL of a process that uses the queue: every put it was told had succeeded is on disk,
/// messages it had in flight come back after their visibility timeout and are processed and deleted.
class QueueStoreKillTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Duration IN_FLIGHT_VISIBILITY = Duration.ofMinutes(10);
    private static final int FIRST_PUTS = 500;
    private static final int IN_FLIGHT = 40;
    private static final int MORE_ACKS_BEFORE_KILL = 200;

    @TempDir Path dir;

    @Test
    void killedProcess_everyAcknowledgedPutSurvivesAndInFlightReappearAfterTheirTimeout() throws Exception {
        var db = dir.resolve(".berth/berth.db");
        var acknowledged = new HashSet<String>();
        var inFlight = new HashSet<String>();
        Instant killedAt = runAndKill(db, acknowledged, inFlight);
        assertThat(inFlight).hasSize(IN_FLIGHT);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(FIRST_PUTS + MORE_ACKS_BEFORE_KILL);

        var clock = new ManualClock(killedAt.plusSeconds(1));
        try (var store = QueueStore.open(db, clock)) {
            var counts = store.counts(KilledQueueUser.QUEUE);
            assertThat(counts.invisible()).as("in flight when killed").isEqualTo(IN_FLIGHT);
            assertThat(counts.total()).as("everything acknowledged is there").isGreaterThanOrEqualTo(acknowledged.size());

            clock.advance(IN_FLIGHT_VISIBILITY);
            assertThat(store.counts(KilledQueueUser.QUEUE).invisible()).isZero();

            var handled = ConcurrentHashMap.<String>newKeySet();
            var redelivered = ConcurrentHashMap.<String>newKeySet();
            try (var pump = QueueTriggerPump.start(store, KilledQueueUser.QUEUE, QueueSettings.defaults(), m -> {
                handled.add(m.text());
                if (m.dequeueCount() == 2) redelivered.add(m.text());
                return Outcome.success();
            }, clock, clock, Duration.ofSeconds(5))) {
                QueueTriggerPumpTest.eventually("every message processed and deleted",
                        () -> store.counts(KilledQueueUser.QUEUE).total() == 0);
            }
            assertThat(handled).containsAll(acknowledged);
            assertThat(redelivered).as("in-flight ones come back as their second delivery").isEqualTo(inFlight);
        }
        assertIntact(db);
    }

    /// Starts the child, reads what it acknowledged, and SIGKILLs it mid-put.
    private static Instant runAndKill(Path db, Set<String> acknowledged, Set<String> inFlight) throws Exception {
        var child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                KilledQueueUser.class.getName(), db.toString(), Integer.toString(FIRST_PUTS),
                Integer.toString(IN_FLIGHT), IN_FLIGHT_VISIBILITY.toString())
                .redirectErrorStream(true).start();
        var said = new ArrayList<String>();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int acksAfterReady = -1;
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                    if (acksAfterReady >= 0 && ++acksAfterReady >= MORE_ACKS_BEFORE_KILL) break;
                } else if (line.startsWith("GOT ")) {
                    inFlight.add(line.substring(4));
                } else if (line.equals(KilledQueueUser.READY)) {
                    acksAfterReady = 0;
                } else if (said.size() < 50) {
                    said.add(line);
                }
            }
            assertThat(child.isAlive()).as("child still putting when killed; it said: %s", said).isTrue();
        } finally {
            // SIGKILL: no close(), no shutdown hook; the kill may land inside a transaction.
            child.destroyForcibly();
            assertThat(child.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        return Instant.now();
    }

    private static void assertIntact(Path db) throws Exception {
        try (var jdbc = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             var check = jdbc.createStatement()) {
            var integrity = check.executeQuery("PRAGMA integrity_check");
            assertThat(integrity.next()).isTrue();
            assertThat(integrity.getString(1)).isEqualTo("ok");
        }
    }

    /// The process that gets killed: puts `args[1]` messages, gets `args[2]` of them with visibility
    /// `args[3]` (they are in flight, invisible), says READY, then keeps putting until killed. Each
    /// line `ACK <text>` is printed only after its put returned, so the parent knows what was acknowledged.
    static final class KilledQueueUser {
        static final String QUEUE = "orders";
        static final String READY = "READY";

        public static void main(String[] args) {
            var clock = Clock.systemUTC();
            int first = Integer.parseInt(args[1]);
            int inFlight = Integer.parseInt(args[2]);
            var visibility = Duration.parse(args[3]);
            try (var store = QueueStore.open(Path.of(args[0]), clock)) {
                store.createIfNotExists(QUEUE);
                for (int i = 0; i < first; i++) put(store, i);
                List<QueueMessage> got = new ArrayList<>();
                while (got.size() < inFlight) got.addAll(store.get(QUEUE, Math.min(32, inFlight - got.size()), visibility));
                got.forEach(m -> say("GOT " + m.text()));
                say(READY);
                for (int i = first; ; i++) put(store, i);
            } catch (Exception e) {
                say("FAILED " + e);
            }
        }

        private static void put(QueueStore store, int i) {
            var text = "message " + i;
            store.put(QUEUE, text);
            say("ACK " + text);
        }

        /// The parent reads this child's stdout as its protocol, as a CLI printer would.
        private static void say(String line) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
