package dev.berth.runner.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportAcaTest {
    @TempDir Path dir;

    private JsonNode app() {
        return ExportFixture.find(ExportFixture.shop(dir).aca(), "Microsoft.App/containerApps", "shop");
    }

    @Test
    void aca_shopProject_writesTheResourceHeaderWithPlaceholders() {
        var app = app();

        assertThat(app.path("type").asText()).isEqualTo("Microsoft.App/containerApps");
        assertThat(app.path("location").asText()).isEqualTo("<LOCATION>");
        assertThat(app.at("/properties/environmentId").asText())
                .isEqualTo("/subscriptions/<SUBSCRIPTION_ID>/resourceGroups/<RESOURCE_GROUP>/providers/Microsoft.App/managedEnvironments/<ENVIRONMENT>");
    }

    @Test
    void aca_ingressAndTraffic_keepWeightsLabelsAndDropReadOnlyFqdn() {
        var ingress = app().at("/properties/configuration/ingress");

        assertThat(app().at("/properties/configuration/activeRevisionsMode").asText()).isEqualTo("Multiple");
        assertThat(ingress.path("external").asBoolean()).isTrue();
        assertThat(ingress.path("targetPort").asInt()).isEqualTo(8080);
        assertThat(ingress.path("transport").asText()).isEqualTo("auto");
        assertThat(ingress.has("fqdn")).isFalse();
        assertThat(ingress.at("/traffic/0/revisionName").asText()).isEqualTo("shop--v1");
        assertThat(ingress.at("/traffic/0/weight").asInt()).isEqualTo(80);
        assertThat(ingress.at("/traffic/0/label").asText()).isEqualTo("stable");
        assertThat(ingress.at("/traffic/1/latestRevision").asBoolean()).isTrue();
        assertThat(ingress.at("/traffic/1/weight").asInt()).isEqualTo(20);
        assertThat(ingress.at("/traffic/1/label").asText()).isEqualTo("canary");
    }

    @Test
    void aca_container_hasRegistryImageStringMemoryProbesAndHandlerPort() {
        var container = app().at("/properties/template/containers/0");

        assertThat(app().at("/properties/template/revisionSuffix").asText()).isEqualTo("v2");
        assertThat(container.path("image").asText()).isEqualTo("<REGISTRY>/shop:latest");
        assertThat(container.at("/resources/cpu").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(container.at("/resources/memory").isTextual()).isTrue();
        assertThat(container.at("/resources/memory").asText()).isEqualTo("1Gi");
        assertThat(container.at("/probes/0/type").asText()).isEqualTo("Readiness");
        assertThat(container.at("/probes/0/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(container.at("/probes/1/type").asText()).isEqualTo("Liveness");
        assertThat(env(container, "FUNCTIONS_CUSTOMHANDLER_PORT").path("value").asText()).isEqualTo("8080");
        assertThat(env(container, "MODE").path("value").asText()).isEqualTo("cloud");
        assertThat(env(container, "GREETING").path("value").asText()).isEqualTo("Hello");
    }

    @Test
    void aca_secretSettings_becomeSecretRefsWithPlaceholders_andNeverLeak() {
        var export = ExportFixture.shop(dir).export(true);
        var app = ExportFixture.find(Export.parse(export.yaml()), "Microsoft.App/containerApps", "shop");
        var container = app.at("/properties/template/containers/0");

        assertThat(export.yaml()).doesNotContain("SUPERSECRET").doesNotContain("BERTH_SCALE");
        assertThat(env(container, "AzureWebJobsStorage").path("secretRef").asText()).isEqualTo("azurewebjobsstorage");
        assertThat(env(container, "AzureWebJobsStorage").has("value")).isFalse();
        assertThat(env(container, "PAYMENT_API_KEY").path("secretRef").asText()).isEqualTo("payment-api-key");
        var secrets = app.at("/properties/configuration/secrets");
        assertThat(secrets.findValuesAsText("name")).containsExactly("azurewebjobsstorage", "payment-api-key");
        assertThat(secrets.at("/0/value").asText()).isEqualTo("<value of AzureWebJobsStorage>");
        assertThat(export.notes()).anySatisfy(n -> assertThat(n.field()).isEqualTo("Values.BERTH_SCALE_COOLDOWN_SECONDS"));
    }

    @Test
    void aca_scaleRules_normalizedToContainerAppsShapes() {
        var scale = app().at("/properties/template/scale");

        assertThat(scale.path("minReplicas").asInt()).isZero();
        assertThat(scale.path("maxReplicas").asInt()).isEqualTo(7);
        assertThat(scale.path("pollingInterval").asInt()).isEqualTo(15);
        assertThat(scale.path("cooldownPeriod").asInt()).isEqualTo(120);
        var rules = scale.path("rules");
        assertThat(rules.findValuesAsText("name")).containsExactly("web", "orders", "office-hours", "busy");
        assertThat(rules.at("/0/http/metadata/concurrentRequests").isTextual()).isTrue();
        assertThat(rules.at("/0/http/metadata/concurrentRequests").asText()).isEqualTo("20");
        assertThat(rules.at("/1/azureQueue/queueName").asText()).isEqualTo("orders");
        assertThat(rules.at("/1/azureQueue/queueLength").asInt()).isEqualTo(25);
        assertThat(rules.at("/1/azureQueue/auth/0/secretRef").asText()).isEqualTo("azurewebjobsstorage");
        assertThat(rules.at("/1/azureQueue/auth/0/triggerParameter").asText()).isEqualTo("connection");
        assertThat(rules.at("/2/custom/type").asText()).isEqualTo("cron");
        assertThat(rules.at("/2/custom/metadata/desiredReplicas").asText()).isEqualTo("3");
        assertThat(rules.at("/2/custom/metadata/start").asText()).isEqualTo("0 8 * * 1-5");
        assertThat(rules.at("/3/custom/type").asText()).isEqualTo("cpu");
        assertThat(rules.at("/3/custom/metadata/value").asText()).isEqualTo("70");
    }

    @Test
    void aca_scheduleJob_isAJobDocumentWithTheProjectImage() {
        var job = ExportFixture.find(ExportFixture.shop(dir).aca(), "Microsoft.App/jobs", "nightly-report");
        var configuration = job.at("/properties/configuration");

        assertThat(job.at("/properties/environmentId").asText()).contains("<ENVIRONMENT>");
        assertThat(configuration.path("triggerType").asText()).isEqualTo("Schedule");
        assertThat(configuration.path("replicaTimeout").asInt()).isEqualTo(120);
        assertThat(configuration.path("replicaRetryLimit").asInt()).isEqualTo(2);
        assertThat(configuration.at("/scheduleTriggerConfig/cronExpression").asText()).isEqualTo("0 2 * * *");
        assertThat(configuration.at("/scheduleTriggerConfig/parallelism").asInt()).isEqualTo(1);
        var container = job.at("/properties/template/containers/0");
        assertThat(container.path("image").asText()).isEqualTo("<REGISTRY>/shop:latest");
        assertThat(container.path("command").findValuesAsText("")).isEmpty();
        assertThat(container.at("/command/2").asText()).isEqualTo("report.py");
        assertThat(container.at("/resources/memory").asText()).isEqualTo("0.5Gi");
        assertThat(env(container, "AzureWebJobsStorage").path("secretRef").asText()).isEqualTo("azurewebjobsstorage");
    }

    @Test
    void aca_eventJob_keepsItsImageAndGetsQueueAuth() {
        var job = ExportFixture.find(ExportFixture.shop(dir).aca(), "Microsoft.App/jobs", "queue-worker");
        var trigger = job.at("/properties/configuration/eventTriggerConfig");

        assertThat(job.at("/properties/template/containers/0/image").asText()).isEqualTo("python:3.12-slim");
        assertThat(trigger.path("parallelism").asInt()).isEqualTo(2);
        assertThat(trigger.path("replicaCompletionCount").asInt()).isEqualTo(2);
        assertThat(trigger.at("/scale/maxExecutions").asInt()).isEqualTo(5);
        assertThat(trigger.at("/scale/pollingInterval").asInt()).isEqualTo(10);
        assertThat(trigger.at("/scale/rules/0/type").asText()).isEqualTo("azure-queue");
        assertThat(trigger.at("/scale/rules/0/metadata/queueLength").asText()).isEqualTo("1");
        assertThat(trigger.at("/scale/rules/0/auth/0/secretRef").asText()).isEqualTo("azurewebjobsstorage");
        assertThat(job.at("/properties/configuration/secrets/0/value").asText()).startsWith("<value of");
    }

    @Test
    void aca_projectWithoutContainerAppYaml_getsDefaultsAndAnIngressForItsHttpFunction() {
        var docs = new ExportFixture(dir.resolve("plain")).aca();
        var app = docs.getFirst();

        assertThat(docs).hasSize(1);
        assertThat(app.path("name").asText()).isEqualTo("plain");
        assertThat(app.at("/properties/configuration/ingress/targetPort").asInt()).isEqualTo(8080);
        assertThat(app.at("/properties/configuration/ingress/traffic/0/latestRevision").asBoolean()).isTrue();
        assertThat(app.at("/properties/template/containers/0/image").asText()).isEqualTo("<REGISTRY>/plain:latest");
        assertThat(app.at("/properties/template/containers/0/resources/memory").asText()).isEqualTo("1Gi");
    }

    static JsonNode env(JsonNode container, String name) {
        var found = new ArrayList<JsonNode>();
        container.path("env").forEach(e -> { if (e.path("name").asText().equals(name)) found.add(e); });
        assertThat(found).as("env " + name).hasSize(1);
        return found.getFirst();
    }

    static List<String> names(JsonNode list) { return list.findValuesAsText("name"); }
}
