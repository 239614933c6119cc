package dev.berth.visualizer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/// Realistic rows for the UI test: log lines, invocations and replicas of an "orders" app.
final class Samples {
    static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");

    private Samples() {
    }

    static void produce(Coalescer<LogEntry> coalescer, int count) {
        String[] sources = {"orders-7f9c-0", "orders-7f9c-1", "orders-7f9c-2", "berth"};
        for (int n = 0; n < count; n++) {
            boolean stderr = n % 97 == 0;
            coalescer.add(new LogEntry(T0.plusMillis(n), sources[n % sources.length], stderr ? "stderr" : "stdout",
                    "line " + n + (stderr ? " WARN slow downstream call" : " handled POST /api/orders in 3 ms")));
            if (n % 1_000 == 999) {
                try {
                    Thread.sleep(5); // ~100k+ lines/s offered: far beyond the 10k/s target
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static List<LogEntry> lines(int from, int to) {
        List<LogEntry> lines = new ArrayList<>();
        for (int n = from; n < to; n++) {
            lines.add(new LogEntry(T0.plusMillis(n * 13L), "orders-7f9c-" + (n % 3), n % 17 == 0 ? "stderr" : "stdout",
                    n % 17 == 0 ? "Traceback: KeyError 'sku' in handler (" + n + ")" : "POST /api/orders/" + n + " -> 200 in 4 ms"));
        }
        return lines;
    }

    static List<InvocationRow> invocationRows(int count) {
        return invocationRows(0, count);
    }

    static List<InvocationRow> invocationRows(int from, int to) {
        List<InvocationRow> rows = new ArrayList<>();
        int[] statuses = {200, 200, 201, 404, 200, 500, 200, 429, 0};
        for (int i = from; i < to; i++) {
            int status = i == 37 ? 500 : statuses[i % statuses.length];
            rows.add(new InvocationRow(T0.plusMillis(i * 250L), "inv-" + i, "inv-fn-" + i, "orders-7f9c-" + (i % 3),
                    status, Duration.ofNanos(1_500_000L + i * 731_000L),
                    status >= 500 || status == 0 ? "handler raised KeyError: 'sku' (orders/handler.py line 42)" : null,
                    "{\n  \"Data\": {\"req\": {\"Method\": \"POST\", \"Body\": {\"orderId\": " + i + "}}}\n}",
                    "{\n  \"Outputs\": {\"res\": {\"statusCode\": " + status + ", \"body\": \"...\"}}\n}"));
        }
        return rows;
    }

    static ReplicaRow replica(String id, String state, int restarts) {
        boolean ready = state.equals("READY");
        return new ReplicaRow(id, "orders--r3", state, "4f1c2a9b7e3d5c6a8b9c0d1e2f3a4b5c",
                T0, ready ? T0.plusMillis(1_840) : null, 49_152 + id.hashCode() % 100 + 100, restarts, ready ? 2 : 0);
    }

}
