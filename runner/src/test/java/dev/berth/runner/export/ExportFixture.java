package dev.berth.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.project.ProjectException;
import dev.berth.runner.project.ProjectProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.fail;

/// A small function project on disk (one HTTP function, a Dockerfile) that a test adds its containerapp.yaml,
/// settings and jobs to, then exports and parses back.
final class ExportFixture {
    static final String HOST = """
            {"version": "2.0", "customHandler": {"description": {"defaultExecutablePath": "python3"},
             "enableForwardingHttpRequest": true}}
            """;
    static final String HELLO = """
            {"bindings": [{"type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "anonymous"},
                          {"type": "http", "direction": "out", "name": "res"}]}
            """;
    /// http + queue + cron + cpu rules, two revisions at 80/20 with labels, secrets in the settings.
    static final String SHOP = """
            name: shop
            properties:
              configuration:
                activeRevisionsMode: Multiple
                ingress:
                  external: true
                  targetPort: 8080
                  transport: Auto
                  fqdn: shop.example.azurecontainerapps.io
                  traffic:
                    - revisionName: shop--v1
                      weight: 80
                      label: stable
                    - latestRevision: true
                      weight: 20
                      label: canary
              template:
                revisionSuffix: v2
                containers:
                  - name: shop
                    image: shop:latest
                    resources:
                      cpu: 0.5
                      memory: 1Gi
                    env:
                      - name: MODE
                        value: cloud
                    probes:
                      - type: readiness
                        httpGet:
                          path: /healthz
                          port: 8080
                        periodSeconds: 1
                      - type: Liveness
                        tcpSocket:
                          port: 8080
                scale:
                  minReplicas: 0
                  maxReplicas: 7
                  pollingInterval: 15
                  cooldownPeriod: 120
                  rules:
                    - name: web
                      http:
                        metadata:
                          concurrentRequests: 20
                    - name: orders
                      azureQueue:
                        queueName: orders
                        queueLength: 25
                    - name: office-hours
                      custom:
                        type: cron
                        metadata:
                          timezone: Europe/Berlin
                          start: 0 8 * * 1-5
                          end: 0 18 * * 1-5
                          desiredReplicas: 3
                    - name: busy
                      custom:
                        type: cpu
                        metadata:
                          type: Utilization
                          value: "70"
            """;
    static final String SETTINGS = """
            {"IsEncrypted": false, "Values": {
              "FUNCTIONS_WORKER_RUNTIME": "custom",
              "AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=SUPERSECRETKEY==",
              "PAYMENT_API_KEY": "pk_live_SUPERSECRET",
              "GREETING": "Hello",
              "BERTH_SCALE_COOLDOWN_SECONDS": "5"}}
            """;
    static final String NIGHTLY = """
            name: nightly-report
            type: Microsoft.App/jobs
            properties:
              configuration:
                triggerType: Schedule
                replicaTimeout: 120
                replicaRetryLimit: 2
                scheduleTriggerConfig:
                  cronExpression: "0 2 * * *"
                  parallelism: 1
                  replicaCompletionCount: 1
              template:
                containers:
                  - name: report
                    command: ["python3", "-u", "report.py"]
                    resources:
                      cpu: 0.25
                      memory: 0.5Gi
            """;
    static final String WORKER = """
            name: queue-worker
            properties:
              configuration:
                triggerType: Event
                replicaTimeout: 300
                replicaRetryLimit: 1
                eventTriggerConfig:
                  parallelism: 2
                  replicaCompletionCount: 2
                  scale:
                    minExecutions: 0
                    maxExecutions: 5
                    pollingInterval: 10
                    rules:
                      - name: work
                        type: azure-queue
                        metadata:
                          queueName: work
                          queueLength: 1
              template:
                containers:
                  - name: worker
                    image: python:3.12-slim
                    command: ["python3", "worker.py"]
            """;

    private final Path dir;

    ExportFixture(Path dir) {
        this.dir = dir;
        write("host.json", HOST);
        write("hello/function.json", HELLO);
        write("Dockerfile", "FROM python:3.12-slim\n");
    }

    /// The shop project: containerapp.yaml, settings with secrets, a Schedule and an Event job.
    static ExportFixture shop(Path dir) {
        return new ExportFixture(dir).write("containerapp.yaml", SHOP).write("local.settings.json", SETTINGS)
                .write("jobs/nightly-report.yaml", NIGHTLY).write("jobs/queue-worker.yaml", WORKER);
    }

    ExportFixture write(String file, String text) {
        try {
            var path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() { return dir; }

    /// The documents of `berth export aca`, parsed back from the YAML text.
    List<JsonNode> aca() { return parsed(export(true)); }

    List<JsonNode> k8s() { return parsed(export(false)); }

    Export export(boolean aca) {
        try {
            return aca ? new Exporter().aca(dir) : new Exporter().k8s(dir);
        } catch (ProjectException e) {
            return fail("the export failed: " + e.getMessage());
        }
    }

    /// The ERRORs an export stops with.
    List<ProjectProblem> errors(boolean aca) {
        try {
            if (aca) new Exporter().aca(dir);
            else new Exporter().k8s(dir);
        } catch (ProjectException e) {
            return e.problems();
        }
        return fail("the export succeeded, but should have stopped");
    }

    private static List<JsonNode> parsed(Export export) { return Export.parse(export.yaml()); }

    /// The one document of `kind` (or ARM `type`) named `name`.
    static JsonNode find(List<JsonNode> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText(d.path("type").asText())))
                .filter(d -> name.equals(d.path("metadata").path("name").asText(d.path("name").asText())))
                .findFirst().orElseGet(() -> fail("no " + kind + " " + name + " in " + docs));
    }
}
