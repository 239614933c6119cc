package dev.berth.runner.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleRulesYamlTest {
    @TempDir Path tmp;

    private ProjectFixture withScale(String scaleBlock) {
        return new ProjectFixture(tmp).write("containerapp.yaml", "name: shop\nproperties:\n  template:\n    scale:\n"
                + scaleBlock.indent(6));
    }

    @Test
    void everyRuleKind_isReadWithContainerAppsFieldNames() {
        var scale = withScale("""
                minReplicas: 0
                maxReplicas: 5
                pollingInterval: 15
                cooldownPeriod: 120
                rules:
                  - name: http-rule
                    http:
                      metadata:
                        concurrentRequests: "20"
                  - name: orders
                    azureQueue:
                      queueName: orders
                      queueLength: 20
                  - name: custom-queue
                    custom:
                      type: azure-queue
                      metadata:
                        queueName: invoices
                  - name: office-hours
                    custom:
                      type: cron
                      metadata:
                        timezone: Europe/Berlin
                        start: 0 8 * * 1-5
                        end: 0 18 * * 1-5
                        desiredReplicas: "3"
                  - name: cpu
                    custom:
                      type: cpu
                      metadata:
                        type: Utilization
                        value: "70"
                """).load().containerApp().scale();

        assertThat(scale.minReplicas()).isZero();
        assertThat(scale.maxReplicas()).isEqualTo(5);
        assertThat(scale.pollingInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(scale.cooldownPeriod()).isEqualTo(Duration.ofSeconds(120));
        assertThat(scale.rules()).containsExactly(
                new ContainerAppScale.Http("http-rule", 20),
                new ContainerAppScale.Queue("orders", "orders", 20),
                new ContainerAppScale.Queue("custom-queue", "invoices", 5),
                new ContainerAppScale.Cron("office-hours", "0 8 * * 1-5", "0 18 * * 1-5", 3, ZoneId.of("Europe/Berlin")),
                new ContainerAppScale.Utilization("cpu", ContainerAppScale.Resource.CPU, 70));
    }

    @Test
    void noScaleSection_defaultsToContainerAppsValues() {
        var scale = new ProjectFixture(tmp).delete("containerapp.yaml").load().containerApp().scale();

        assertThat(scale.minReplicas()).isZero();
        assertThat(scale.maxReplicas()).isEqualTo(10);
        assertThat(scale.pollingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(scale.cooldownPeriod()).isEqualTo(Duration.ofSeconds(300));
        assertThat(scale.holdDeadline()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void demoSettings_shortenPollingCooldownAndHold() {
        var scale = new ProjectFixture(tmp).write("local.settings.json", """
                {"IsEncrypted": false, "Values": {"BERTH_SCALE_POLLING_SECONDS": "1",
                 "BERTH_SCALE_COOLDOWN_SECONDS": "5", "BERTH_SCALE_HOLD_SECONDS": "7"}}
                """).load().containerApp().scale();

        assertThat(scale.pollingInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(scale.cooldownPeriod()).isEqualTo(Duration.ofSeconds(5));
        assertThat(scale.holdDeadline()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void badDemoSetting_namesSettingAndFix() {
        var error = new ProjectFixture(tmp).write("local.settings.json", """
                {"Values": {"BERTH_SCALE_COOLDOWN_SECONDS": "soon"}}
                """).error();

        assertThat(error.file()).isEqualTo(Path.of("local.settings.json"));
        assertThat(error.field()).isEqualTo("Values.BERTH_SCALE_COOLDOWN_SECONDS");
        assertThat(error.fix()).contains("\"5\"");
    }

    @Test
    void concurrentRequestsNotANumber_namesFieldAndFix() {
        var error = withScale("""
                rules:
                  - name: web
                    http:
                      metadata:
                        concurrentRequests: lots
                """).error();

        assertThat(error.field()).isEqualTo("properties.template.scale.rules[0].http.metadata.concurrentRequests");
        assertThat(error.message()).contains("not a whole number");
        assertThat(error.fix()).contains("\"10\"");
    }

    @Test
    void cronWithSixFieldsOrUnknownZone_isRefusedPerField() {
        var errors = withScale("""
                rules:
                  - name: nightly
                    custom:
                      type: cron
                      metadata:
                        timezone: Mars/Olympus
                        start: 0 0 8 * * *
                        end: 0 18 * * *
                        desiredReplicas: "2"
                """).errors();

        assertThat(errors).extracting(ProjectProblem::field).containsExactlyInAnyOrder(
                "properties.template.scale.rules[0].custom.metadata.start",
                "properties.template.scale.rules[0].custom.metadata.timezone");
        assertThat(errors).anySatisfy(e -> assertThat(e.message()).contains("6 fields"));
    }

    @Test
    void ruleWithTwoKinds_orNoName_isAnError() {
        var errors = withScale("""
                rules:
                  - http: {metadata: {concurrentRequests: "5"}}
                    azureQueue: {queueName: q, queueLength: 5}
                """).errors();

        assertThat(errors).extracting(ProjectProblem::message)
                .anySatisfy(m -> assertThat(m).contains("has no `name`"))
                .anySatisfy(m -> assertThat(m).contains("exactly one of").contains("http and azureQueue"));
    }

    @Test
    void queueRuleWithoutQueueName_isAnError() {
        var error = withScale("""
                rules:
                  - name: q
                    azureQueue:
                      queueLength: 5
                """).error();

        assertThat(error.field()).isEqualTo("properties.template.scale.rules[0].azureQueue.queueName");
    }

    @Test
    void unknownKedaScaler_isAWarningAndIgnored() {
        var app = withScale("""
                rules:
                  - name: kafka
                    custom:
                      type: kafka
                      metadata: {topic: t}
                """).load();

        assertThat(app.containerApp().scale().rules()).isEmpty();
        assertThat(app.warnings()).anySatisfy(w -> assertThat(w.message()).contains("\"kafka\""));
    }

    @Test
    void minZeroWithoutRulesOrHttpFunction_warnsThatItNeverStartsAgain() {
        var app = new ProjectFixture(tmp).delete("hello/function.json").delete("products/function.json")
                .delete("containerapp.yaml").load();

        assertThat(app.warnings()).anySatisfy(w -> {
            assertThat(w.field()).isEqualTo("properties.template.scale.minReplicas");
            assertThat(w.message()).contains("never starts again");
            assertThat(w.fix()).contains("minReplicas: 1");
        });
    }

    @Test
    void minZeroWithAnHttpFunction_doesNotWarn() {
        var app = new ProjectFixture(tmp).load();

        assertThat(app.warnings()).noneSatisfy(w -> assertThat(w.message()).contains("never starts again"));
    }
}
