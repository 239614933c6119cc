package dev.berth.runner.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.berth.runner.ingress.Exchanges;
import dev.berth.runner.project.JobSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/// Berth's jobs admin API on the ingress, JSON: `GET /admin/berth/jobs` (the jobs with their newest
/// execution), `POST /admin/berth/jobs/{name}/start` (202 with the new execution),
/// `GET /admin/berth/jobs/{name}/executions?last=N` (newest first) and
/// `GET /admin/berth/jobs/{name}/executions/{execution}` (with its attempts and their last log lines).
/// Open on loopback, like the rest of the admin API. Thread-safe.
public final class JobHttpApi {
    public static final String PREFIX = "/admin/berth/jobs";
    static final int MAX_LAST = 1_000;

    private final JobRunner runner;
    private final Clock clock;
    private final ObjectMapper json;

    public JobHttpApi(JobRunner runner, Clock clock, ObjectMapper json) {
        this.runner = runner;
        this.clock = clock;
        this.json = json;
    }

    public void handle(HttpExchange exchange) throws IOException {
        var path = exchange.getRequestURI().getPath();
        var parts = path.length() <= PREFIX.length() ? new String[0]
                : path.substring(PREFIX.length() + 1).split("/", -1);
        var method = exchange.getRequestMethod();
        if (parts.length == 0 && method.equals("GET")) {
            Exchanges.json(exchange, 200, json, runner.jobs().stream().map(this::job).toList());
            return;
        }
        var job = parts.length == 0 ? null : runner.job(parts[0]).orElse(null);
        if (job == null) {
            text(exchange, 404, "No job '" + (parts.length == 0 ? "" : parts[0]) + "'. This project has: "
                    + (runner.jobs().isEmpty() ? "none (add jobs/<name>.yaml)"
                    : String.join(", ", runner.jobs().stream().map(JobSpec::name).toList())) + ".");
            return;
        }
        if (parts.length == 2 && parts[1].equals("start") && method.equals("POST")) {
            Exchanges.json(exchange, 202, json, execution(runner.start(job.name())));
        } else if (parts.length == 2 && parts[1].equals("executions") && method.equals("GET")) {
            int last = last(exchange.getRequestURI().getRawQuery());
            Exchanges.json(exchange, 200, json, runner.executions(job.name(), last).stream().map(this::execution).toList());
        } else if (parts.length == 3 && parts[1].equals("executions") && method.equals("GET")) {
            var found = runner.execution(parts[2]).filter(e -> e.job().equals(job.name()));
            if (found.isEmpty()) {
                text(exchange, 404, "No execution '" + parts[2] + "' of job " + job.name() + ". List them with GET "
                        + PREFIX + "/" + job.name() + "/executions.");
                return;
            }
            var body = execution(found.get());
            body.set("attempts", json.valueToTree(runner.attempts(found.get().name()).stream().map(this::attempt).toList()));
            Exchanges.json(exchange, 200, json, body);
        } else {
            text(exchange, 405, "The jobs API answers GET " + PREFIX + ", POST " + PREFIX + "/{name}/start, GET "
                    + PREFIX + "/{name}/executions and GET " + PREFIX + "/{name}/executions/{execution}.");
        }
    }

    private static int last(String rawQuery) {
        var value = Exchanges.query(rawQuery).getOrDefault("last", "20");
        try {
            return Math.clamp(Integer.parseInt(value), 1, MAX_LAST);
        } catch (NumberFormatException e) {
            return 20;
        }
    }

    private ObjectNode job(JobSpec job) {
        var node = json.createObjectNode()
                .put("name", job.name())
                .put("triggerType", job.trigger().yaml())
                .put("replicaTimeout", job.replicaTimeout().toSeconds())
                .put("replicaRetryLimit", job.retryLimit())
                .put("parallelism", job.parallelism())
                .put("replicaCompletionCount", job.completionCount())
                .put("image", job.container().image().orElse("(the project's image)"));
        job.cron().ifPresent(c -> node.put("cronExpression", c));
        job.event().ifPresent(e -> node.put("pollingInterval", e.pollingInterval().toSeconds())
                .put("queues", String.join(",", e.rules().stream().map(JobSpec.QueueRule::queueName).toList())));
        var latest = runner.executions(job.name(), 1);
        if (!latest.isEmpty()) node.set("lastExecution", execution(latest.getFirst()));
        return node;
    }

    private ObjectNode execution(JobExecution e) {
        var node = json.createObjectNode()
                .put("name", e.name()).put("job", e.job()).put("trigger", e.trigger().yaml())
                .put("status", status(e.status().name())).put("reason", e.reason())
                .put("startTime", e.started().toString())
                .put("durationMs", e.duration(clock.instant()).toMillis())
                .put("parallelism", e.parallelism()).put("replicaCompletionCount", e.completionCount())
                .put("succeeded", e.succeeded());
        e.ended().ifPresent(end -> node.put("endTime", end.toString()));
        return node;
    }

    private ObjectNode attempt(JobAttempt a) {
        var node = json.createObjectNode()
                .put("name", a.name()).put("replica", a.replica()).put("attempt", a.attempt())
                .put("containerId", a.containerId()).put("status", status(a.status().name())).put("reason", a.reason())
                .put("startTime", a.started().toString()).put("durationMs", a.duration(clock.instant()).toMillis());
        a.exitCode().ifPresent(code -> node.put("exitCode", code));
        a.ended().ifPresent(end -> node.put("endTime", end.toString()));
        node.set("logs", json.valueToTree(List.copyOf(a.logTail())));
        return node;
    }

    /// `TIMED_OUT` → `TimedOut`, as Container Apps spells statuses.
    static String status(String constant) {
        var out = new StringBuilder();
        for (var word : constant.split("_")) out.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        return out.toString();
    }

    private static void text(HttpExchange exchange, int status, String text) throws IOException {
        Exchanges.send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
}
