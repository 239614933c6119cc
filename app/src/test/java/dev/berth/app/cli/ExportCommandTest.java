package dev.berth.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runner.export.Export;
import dev.berth.templates.Scaffolder;
import dev.berth.templates.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/// `berth export` on scaffolded templates, parsed back and checked field by field.
class ExportCommandTest {
    @TempDir Path tmp;
    private final InProcessCli cli = new InProcessCli();

    private Path scaffold(String template) throws Exception {
        var found = TemplateCatalog.builtIn().find(template).orElseThrow();
        return new Scaffolder().scaffold(found, tmp.resolve(template), "demo-app");
    }

    @Test
    void exportAca_httpPythonToStdout_isTheContainerAppDocument() throws Exception {
        var project = scaffold("http-python");

        int code = cli.run("export", "aca", project.toString());

        assertThat(code).as(cli.err()).isZero();
        var docs = Export.parse(cli.out());
        assertThat(docs).hasSize(1);
        var app = docs.getFirst();
        assertThat(app.path("name").asText()).isEqualTo("demo-app");
        assertThat(app.path("type").asText()).isEqualTo("Microsoft.App/containerApps");
        assertThat(app.at("/properties/configuration/ingress/targetPort").asInt()).isEqualTo(8080);
        assertThat(app.at("/properties/configuration/ingress/traffic/0/weight").asInt()).isEqualTo(100);
        assertThat(app.at("/properties/template/containers/0/image").asText()).isEqualTo("<REGISTRY>/demo-app:latest");
        assertThat(app.at("/properties/template/containers/0/probes/0/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(app.at("/properties/template/scale/maxReplicas").asInt()).isEqualTo(10);
        assertThat(cli.err()).contains("note: .: the export holds placeholders");
    }

    @Test
    void exportAca_outFile_writesTheAppThere() throws Exception {
        var project = scaffold("queue-python");
        var file = tmp.resolve("deploy/app.yaml");

        int code = cli.run("export", "aca", project.toString(), "--out", file.toString());

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Wrote " + file);
        var app = Export.parse(Files.readString(file)).getFirst();
        var env = app.at("/properties/template/containers/0/env");
        assertThat(secretRefOf(env, "AzureWebJobsStorage")).isEqualTo("azurewebjobsstorage");
        assertThat(Files.readString(file)).doesNotContain("UseDevelopmentStorage");
        assertThat(cli.err()).contains("Berth delivers the triggers of");
    }

    @Test
    void exportK8s_outFolder_writesOneFilePerObject() throws Exception {
        var project = scaffold("http-java");
        var folder = tmp.resolve("k8s");

        int code = cli.run("export", "k8s", project.toString(), "--out", folder.toString());

        assertThat(code).as(cli.err()).isZero();
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).contains("deployment-demo-app.yaml",
                    "service-demo-app.yaml", "httproute-demo-app.yaml", "scaledobject-demo-app.yaml",
                    "httpscaledobject-demo-app.yaml");
        }
        var deployment = Export.parse(Files.readString(folder.resolve("deployment-demo-app.yaml"))).getFirst();
        assertThat(deployment.at("/spec/template/spec/containers/0/readinessProbe/httpGet/port").asInt()).isEqualTo(8080);
    }

    @Test
    void exportK8s_stdout_isOneMultiDocumentStream() throws Exception {
        var project = scaffold("http-python");

        assertThat(cli.run("export", "k8s", project.toString(), "--out", "-")).as(cli.err()).isZero();

        List<JsonNode> docs = Export.parse(cli.out());
        assertThat(docs.stream().map(d -> d.path("kind").asText()))
                .containsExactly("Deployment", "Service", "HTTPRoute", "ScaledObject", "HTTPScaledObject");
    }

    @Test
    void export_badTraffic_exitsTwoWithFileFieldAndFix() throws Exception {
        var project = scaffold("http-python");
        var yaml = project.resolve("containerapp.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("weight: 100", "weight: 90"));

        int code = cli.run("export", "aca", project.toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("containerapp.yaml properties.configuration.ingress.traffic: the traffic weights "
                + "add up to 90, not 100. Fix: change the `weight:` values so that they add up to 100");
    }

    private static String secretRefOf(JsonNode env, String name) {
        for (var e : env) if (e.path("name").asText().equals(name)) return e.path("secretRef").asText();
        return "";
    }
}
