package dev.berth.runner.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/// A valid project on disk that a test then breaks in one place.
final class ProjectFixture {
    static final String HOST = """
            {
              "version": "2.0",
              "functionTimeout": "00:02:30",
              "customHandler": {
                "description": {"defaultExecutablePath": "python3", "arguments": ["handler.py"]},
                "enableForwardingHttpRequest": true
              },
              "extensions": {"http": {"routePrefix": "api"}}
            }
            """;
    static final String HELLO = """
            {
              "bindings": [
                {"type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "anonymous",
                 "methods": ["get", "Post"], "route": "hello/{name?}"},
                {"type": "http", "direction": "out", "name": "res"}
              ]
            }
            """;
    static final String PRODUCTS = """
            {
              "bindings": [
                {"type": "httpTrigger", "direction": "in", "name": "req", "route": "products/{category:alpha}/{id:int?}"},
                {"type": "http", "direction": "out", "name": "res"}
              ]
            }
            """;
    static final String TICK = """
            {"bindings": [{"type": "timerTrigger", "direction": "in", "name": "timer", "schedule": "0 */5 * * * *"}]}
            """;
    static final String SETTINGS = """
            {
              "IsEncrypted": false,
              "Values": {"FUNCTIONS_WORKER_RUNTIME": "custom", "GREETING": "Hi"}
            }
            """;
    static final String CONTAINER_APP = """
            name: shop-api
            location: westeurope
            properties:
              configuration:
                activeRevisionsMode: Single
                ingress:
                  external: true
                  targetPort: 8081
              template:
                containers:
                  - name: app
                    image: shop-api:latest
                    resources:
                      cpu: 0.25
                      memory: 512Mi
                    env:
                      - name: MODE
                        value: local
                    probes:
                      - type: Liveness
                        tcpSocket:
                          port: 8081
                      - type: Readiness
                        httpGet:
                          path: /healthz
                          port: 8081
                        periodSeconds: 5
                        initialDelaySeconds: 1
                        failureThreshold: 4
                scale:
                  minReplicas: 0
                  maxReplicas: 3
            """;

    final Path dir;

    ProjectFixture(Path parent) {
        this.dir = parent.resolve("shop");
        write("host.json", HOST);
        write("hello/function.json", HELLO);
        write("products/function.json", PRODUCTS);
        write("tick/function.json", TICK);
        write("local.settings.json", SETTINGS);
        write("containerapp.yaml", CONTAINER_APP);
        write("Dockerfile", "ARG BASE_IMAGE=python:3.12-slim\nFROM ${BASE_IMAGE}\n");
    }

    ProjectFixture write(String relative, String content) {
        try {
            var file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProjectFixture delete(String relative) {
        try {
            Files.delete(dir.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FunctionApp load() {
        try {
            return new ProjectLoader().load(dir);
        } catch (ProjectException e) {
            return fail("expected the project to load, got:\n" + e.getMessage());
        }
    }

    /// The ERROR problems of a load that must fail.
    List<ProjectProblem> errors() {
        var thrown = new ProjectException[1];
        assertThatThrownBy(() -> new ProjectLoader().load(dir))
                .isInstanceOfSatisfying(ProjectException.class, e -> thrown[0] = e);
        return thrown[0].problems();
    }

    /// The single ERROR of a load that must fail.
    ProjectProblem error() {
        var errors = errors();
        if (errors.size() != 1) fail("expected one error, got:\n" + describe(errors));
        return errors.getFirst();
    }

    static String describe(List<ProjectProblem> problems) {
        return String.join("\n", problems.stream().map(ProjectProblem::describe).toList());
    }
}
