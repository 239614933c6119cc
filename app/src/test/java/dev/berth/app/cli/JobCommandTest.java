package dev.berth.app.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/// `berth job …` against a stub of the session's jobs API answering what the runner's JobHttpApi answers.
class JobCommandTest {
    private static final String EXECUTION = """
            {"name":"batch-abc1234","job":"batch","trigger":"Manual","status":"Failed","reason":"replica 0 failed 2 time(s)",
             "startTime":"2026-11-21T12:00:00Z","durationMs":2500,"parallelism":1,"replicaCompletionCount":1,"succeeded":0,
             "attempts":[{"name":"batch-abc1234-0-1","replica":0,"attempt":1,"status":"TimedOut","reason":"stopped at replicaTimeout (2 s)",
               "durationMs":2000,"logs":["hanging"]},
              {"name":"batch-abc1234-0-2","replica":0,"attempt":2,"status":"Failed","exitCode":3,"reason":"exited with code 3",
               "durationMs":500,"logs":["no input"]}]}""";
    private static final Map<String, String> ANSWERS = Map.of(
            "GET /admin/berth/jobs", """
                    [{"name":"batch","triggerType":"Manual","replicaTimeout":2,"replicaRetryLimit":1,"parallelism":1,
                      "replicaCompletionCount":1},
                     {"name":"nightly","triggerType":"Schedule","cronExpression":"0 2 * * *","replicaTimeout":60,
                      "replicaRetryLimit":0,"parallelism":1,"replicaCompletionCount":1}]""",
            "POST /admin/berth/jobs/batch/start", "{\"name\":\"batch-abc1234\",\"status\":\"Running\"}",
            "GET /admin/berth/jobs/batch/executions", "[" + EXECUTION + "]",
            "GET /admin/berth/jobs/batch/executions/batch-abc1234", EXECUTION);

    @TempDir Path project;
    private final InProcessCli cli = new InProcessCli();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            var call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            calls.add(call + (exchange.getRequestURI().getQuery() == null ? "" : "?" + exchange.getRequestURI().getQuery()));
            var body = ANSWERS.get(call);
            var bytes = (body == null ? "No job 'x'. This project has: batch, nightly." : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : call.startsWith("POST") ? 202 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach void stop() { server.stop(0); }

    private int berth(String... args) {
        var all = new String[args.length + 3];
        all[0] = "job";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--port";
        all[args.length + 2] = Integer.toString(server.getAddress().getPort());
        return cli.run(all);
    }

    @Test void list_noJob_printsEachJobWithItsTrigger() {
        assertThat(berth("list", project.toString())).isZero();
        assertThat(cli.out()).contains("batch  Manual  parallelism 1, completions 1, timeout 2 s, retries 1  (never ran)")
                .contains("nightly  Schedule 0 2 * * * (UTC)");
    }

    @Test void logs_noExecution_showsTheNewestWithAttemptsExitCodesAndLines() {
        assertThat(berth("logs", project.toString(), "batch")).isZero();
        assertThat(calls).containsExactly("GET /admin/berth/jobs/batch/executions?last=1",
                "GET /admin/berth/jobs/batch/executions/batch-abc1234");
        assertThat(cli.out()).contains("batch-abc1234  Failed  Manual")
                .contains("  replica 0 attempt 1  TimedOut  no exit code  2.0 s  (stopped at replicaTimeout (2 s))\n    | hanging")
                .contains("  replica 0 attempt 2  Failed  exit 3  500 ms  (exited with code 3)\n    | no input");
    }

    @Test void start_wait_failedExecutionExitsOne() {
        assertThat(berth("start", project.toString(), "batch", "--wait")).isEqualTo(1);
        assertThat(cli.out()).startsWith("Started batch as execution batch-abc1234.").contains("exit 3");
    }

    @Test void start_unknownJob_printsTheApiAnswerAndExitsOne() {
        assertThat(berth("start", project.toString(), "x")).isEqualTo(1);
        assertThat(cli.err()).contains("No job 'x'. This project has: batch, nightly.");
    }

    @Test void list_noRunningSession_exitsTwoWithTheFix() {
        assertThat(cli.run("job", "list", project.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("No running session serves").contains("berth run");
    }
}
