package dev.berth.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.berth.runner.export.ExportFixture.find;
import static org.assertj.core.api.Assertions.assertThat;

class ExportK8sTest {
    @TempDir Path dir;

    private List<JsonNode> shop() { return ExportFixture.shop(dir).k8s(); }

    @Test
    void k8s_trafficSplit_deploymentIsNamedAfterTheLatestRevision() {
        var deployment = find(shop(), "Deployment", "shop--v2");
        var spec = deployment.path("spec");

        assertThat(deployment.path("apiVersion").asText()).isEqualTo("apps/v1");
        assertThat(spec.path("replicas").asInt()).isEqualTo(1);
        assertThat(spec.at("/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("shop");
        assertThat(spec.at("/selector/matchLabels/berth.dev~1revision").asText()).isEqualTo("shop--v2");
        assertThat(spec.at("/template/metadata/labels/berth.dev~1revision").asText()).isEqualTo("shop--v2");
    }

    @Test
    void k8s_container_hasImagePortEnvResourcesAndProbes() {
        var container = find(shop(), "Deployment", "shop--v2").at("/spec/template/spec/containers/0");

        assertThat(container.path("image").asText()).isEqualTo("<REGISTRY>/shop:latest");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.at("/resources/requests/cpu").asText()).isEqualTo("0.5");
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("1Gi");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(container.at("/readinessProbe/periodSeconds").asInt()).isEqualTo(1);
        assertThat(container.at("/readinessProbe").has("type")).isFalse();
        assertThat(container.at("/livenessProbe/tcpSocket/port").asInt()).isEqualTo(8080);
        var storage = ExportAcaTest.env(container, "AzureWebJobsStorage");
        assertThat(storage.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo("shop-secrets");
        assertThat(storage.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("azurewebjobsstorage");
        assertThat(ExportAcaTest.env(container, "GREETING").path("value").asText()).isEqualTo("Hello");
    }

    @Test
    void k8s_secret_holdsPlaceholdersOnly() {
        var export = ExportFixture.shop(dir).export(false);
        var secret = find(Export.parse(export.yaml()), "Secret", "shop-secrets");

        assertThat(export.yaml()).doesNotContain("SUPERSECRET");
        assertThat(secret.at("/stringData/azurewebjobsstorage").asText()).isEqualTo("<value of AzureWebJobsStorage>");
        assertThat(secret.at("/stringData/payment-api-key").asText()).isEqualTo("<value of PAYMENT_API_KEY>");
    }

    @Test
    void k8s_trafficSplit_oneServicePerRevisionAndWeightedRoute() {
        var docs = shop();
        var v1 = find(docs, "Service", "shop--v1");
        var route = find(docs, "HTTPRoute", "shop");

        assertThat(v1.at("/spec/selector/berth.dev~1revision").asText()).isEqualTo("shop--v1");
        assertThat(v1.at("/spec/ports/0/port").asInt()).isEqualTo(80);
        assertThat(v1.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
        assertThat(find(docs, "Service", "shop--v2").at("/spec/selector/berth.dev~1revision").asText()).isEqualTo("shop--v2");
        assertThat(route.path("apiVersion").asText()).isEqualTo("gateway.networking.k8s.io/v1");
        assertThat(route.at("/spec/parentRefs/0/name").asText()).isEqualTo("gateway");
        assertThat(route.at("/spec/hostnames/0").asText()).isEqualTo("shop.example.com");
        var backends = route.at("/spec/rules/0/backendRefs");
        assertThat(backends.at("/0/name").asText()).isEqualTo("shop--v1");
        assertThat(backends.at("/0/weight").asInt()).isEqualTo(80);
        assertThat(backends.at("/1/name").asText()).isEqualTo("shop--v2");
        assertThat(backends.at("/1/weight").asInt()).isEqualTo(20);
    }

    @Test
    void k8s_labels_getARouteOnTheirOwnHostName() {
        var canary = find(shop(), "HTTPRoute", "shop-canary");

        assertThat(canary.at("/spec/hostnames/0").asText()).isEqualTo("canary.shop.example.com");
        assertThat(canary.at("/spec/rules/0/backendRefs/0/name").asText()).isEqualTo("shop--v2");
        assertThat(find(shop(), "HTTPRoute", "shop-stable").at("/spec/rules/0/backendRefs/0/name").asText())
                .isEqualTo("shop--v1");
    }

    @Test
    void k8s_scaleRules_becomeKedaTriggers() {
        var spec = find(shop(), "ScaledObject", "shop--v2").path("spec");

        assertThat(spec.at("/scaleTargetRef/name").asText()).isEqualTo("shop--v2");
        assertThat(spec.path("minReplicaCount").asInt()).isZero();
        assertThat(spec.path("maxReplicaCount").asInt()).isEqualTo(7);
        assertThat(spec.path("pollingInterval").asInt()).isEqualTo(15);
        assertThat(spec.path("cooldownPeriod").asInt()).isEqualTo(120);
        var triggers = spec.path("triggers");
        assertThat(triggers.findValuesAsText("type")).containsExactly("external-push", "azure-queue", "cron", "cpu");
        assertThat(triggers.at("/0/metadata/httpScaledObject").asText()).isEqualTo("shop--v2");
        assertThat(triggers.at("/0/metadata/scalerAddress").asText()).isEqualTo("keda-add-ons-http-external-scaler.keda:9090");
        assertThat(triggers.at("/1/metadata/queueName").asText()).isEqualTo("orders");
        assertThat(triggers.at("/1/metadata/queueLength").asText()).isEqualTo("25");
        assertThat(triggers.at("/1/metadata/connectionFromEnv").asText()).isEqualTo("AzureWebJobsStorage");
        assertThat(triggers.at("/2/metadata/timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(triggers.at("/2/metadata/end").asText()).isEqualTo("0 18 * * 1-5");
        assertThat(triggers.at("/2/metadata/desiredReplicas").asText()).isEqualTo("3");
        assertThat(triggers.at("/3/metricType").asText()).isEqualTo("Utilization");
        assertThat(triggers.at("/3/metadata/value").asText()).isEqualTo("70");
        assertThat(triggers.at("/3/metadata").has("type")).isFalse();
    }

    @Test
    void k8s_httpRule_isAnHttpScaledObjectThatLeavesTheScaledObjectToUs() {
        var http = find(shop(), "HTTPScaledObject", "shop--v2");

        assertThat(http.path("apiVersion").asText()).isEqualTo("http.keda.sh/v1alpha1");
        assertThat(http.at("/metadata/annotations/httpscaledobject.keda.sh~1skip-scaledobject-creation").asText()).isEqualTo("true");
        assertThat(http.at("/spec/hosts/0").asText()).isEqualTo("shop.example.com");
        assertThat(http.at("/spec/scaleTargetRef/name").asText()).isEqualTo("shop--v2");
        assertThat(http.at("/spec/scaleTargetRef/service").asText()).isEqualTo("shop--v2");
        assertThat(http.at("/spec/scaleTargetRef/port").asInt()).isEqualTo(80);
        assertThat(http.at("/spec/replicas/max").asInt()).isEqualTo(7);
        assertThat(http.at("/spec/scalingMetric/concurrency/targetValue").asInt()).isEqualTo(20);
    }

    @Test
    void k8s_scheduleJob_isAUtcCronJobWithDeadlineAndRetries() {
        var cron = find(shop(), "CronJob", "nightly-report");
        var job = cron.at("/spec/jobTemplate/spec");

        assertThat(cron.at("/spec/schedule").asText()).isEqualTo("0 2 * * *");
        assertThat(cron.at("/spec/timeZone").asText()).isEqualTo("Etc/UTC");
        assertThat(cron.at("/spec").has("suspend")).isFalse();
        assertThat(job.path("parallelism").asInt()).isEqualTo(1);
        assertThat(job.path("completions").asInt()).isEqualTo(1);
        assertThat(job.path("backoffLimit").asInt()).isEqualTo(2);
        assertThat(job.at("/template/spec/activeDeadlineSeconds").asInt()).isEqualTo(120);
        assertThat(job.at("/template/spec/restartPolicy").asText()).isEqualTo("Never");
        assertThat(job.at("/template/spec/containers/0/image").asText()).isEqualTo("<REGISTRY>/shop:latest");
        assertThat(job.at("/template/spec/containers/0/resources/limits/cpu").asText()).isEqualTo("0.25");
    }

    @Test
    void k8s_eventJob_isAScaledJobWithAQueueTrigger() {
        var spec = find(shop(), "ScaledJob", "queue-worker").path("spec");

        assertThat(spec.at("/jobTargetRef/parallelism").asInt()).isEqualTo(2);
        assertThat(spec.at("/jobTargetRef/completions").asInt()).isEqualTo(2);
        assertThat(spec.at("/jobTargetRef/backoffLimit").asInt()).isEqualTo(1);
        assertThat(spec.at("/jobTargetRef/template/spec/activeDeadlineSeconds").asInt()).isEqualTo(300);
        assertThat(spec.at("/jobTargetRef/template/spec/containers/0/image").asText()).isEqualTo("python:3.12-slim");
        assertThat(spec.path("pollingInterval").asInt()).isEqualTo(10);
        assertThat(spec.path("maxReplicaCount").asInt()).isEqualTo(5);
        assertThat(spec.at("/triggers/0/type").asText()).isEqualTo("azure-queue");
        assertThat(spec.at("/triggers/0/metadata/queueName").asText()).isEqualTo("work");
        assertThat(spec.at("/triggers/0/metadata/queueLength").asText()).isEqualTo("1");
    }

    @Test
    void k8s_manualJob_isASuspendedCronJobWithAStartHint() {
        var fixture = ExportFixture.shop(dir).write("jobs/batch.yaml", """
                properties:
                  configuration:
                    triggerType: Manual
                    replicaTimeout: 60
                    manualTriggerConfig: {parallelism: 3, replicaCompletionCount: 3}
                """);
        var export = fixture.export(false);
        var cron = find(Export.parse(export.yaml()), "CronJob", "batch");

        assertThat(cron.at("/spec/suspend").asBoolean()).isTrue();
        assertThat(cron.at("/spec/jobTemplate/spec/parallelism").asInt()).isEqualTo(3);
        assertThat(export.notes()).anySatisfy(n -> assertThat(n.fix()).contains("kubectl create job --from=cronjob/batch"));
    }

    @Test
    void k8s_noSplit_namesObjectsAfterTheAppAndScalesOnTheDefaultHttpRule() {
        var docs = new ExportFixture(dir.resolve("plain")).write("containerapp.yaml", """
                name: plain
                properties:
                  configuration:
                    ingress: {external: true, targetPort: 8081}
                  template:
                    scale: {minReplicas: 2, maxReplicas: 4}
                """).k8s();

        assertThat(find(docs, "Deployment", "plain").at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(find(docs, "Service", "plain").at("/spec/selector").has("berth.dev/revision")).isFalse();
        var route = find(docs, "HTTPRoute", "plain");
        assertThat(route.at("/spec/rules/0/backendRefs/0/name").asText()).isEqualTo("plain");
        assertThat(route.at("/spec/rules/0/backendRefs/0").has("weight")).isFalse();
        assertThat(find(docs, "HTTPScaledObject", "plain").at("/spec/scalingMetric/concurrency/targetValue").asInt()).isEqualTo(10);
        assertThat(docs.stream().map(d -> d.path("kind").asText())).doesNotContain("Secret");
    }

    @Test
    void k8s_writeTo_writesOneFilePerObject() throws Exception {
        var export = ExportFixture.shop(dir.resolve("app")).export(false);

        var files = export.writeTo(dir.resolve("out"));

        assertThat(files).hasSize(export.manifests().size());
        assertThat(files.stream().map(f -> f.getFileName().toString()))
                .contains("deployment-shop--v2.yaml", "service-shop--v1.yaml", "scaledjob-queue-worker.yaml");
        var deployment = Export.parse(Files.readString(dir.resolve("out/deployment-shop--v2.yaml")));
        assertThat(deployment).singleElement().satisfies(d -> assertThat(d.path("kind").asText()).isEqualTo("Deployment"));
    }
}
