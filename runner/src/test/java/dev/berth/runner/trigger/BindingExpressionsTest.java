package dev.berth.runner.trigger;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BindingExpressionsTest {
    private final BindingExpressions expressions = new BindingExpressions(Map.of("Container", "receipts"),
            Clock.fixed(Instant.parse("2026-11-21T10:15:30Z"), ZoneOffset.UTC));

    @Test
    void resolve_settingsBindingDataAndBuiltIns() {
        var path = expressions.resolve("%Container%/{OrderId}-{DateTime}.json", "process", Map.of("orderid", "42"));

        assertThat(path).isEqualTo("receipts/42-2026-11-21T10-15-30Z.json");
    }

    @Test
    void resolve_randGuid_isANewGuidEachTime() {
        var first = expressions.resolve("{rand-guid}", "f", Map.of());
        var second = expressions.resolve("{rand-guid}", "f", Map.of());

        assertThat(first).matches("[0-9a-f-]{36}").isNotEqualTo(second);
    }

    @Test
    void resolve_sysValues() {
        assertThat(expressions.resolve("{sys.methodname}@{sys.utcnow}", "process", Map.of()))
                .isEqualTo("process@2026-11-21T10:15:30Z");
    }

    @Test
    void resolve_unknownName_saysWhatTheTriggerHas() {
        assertThatThrownBy(() -> expressions.resolve("out/{nme}", "f", Map.of("name", "cat.png")))
                .isInstanceOf(BindingExpressions.UnresolvedException.class)
                .hasMessageContaining("{nme}").hasMessageContaining("name").hasMessageContaining("Fix:");
    }

    @Test
    void resolve_missingSetting_namesLocalSettings() {
        assertThatThrownBy(() -> expressions.resolve("%Nope%/x", "f", Map.of()))
                .hasMessageContaining("%Nope%").hasMessageContaining("local.settings.json");
    }

    @Test
    void resolveSettings_leavesTriggerPatternsAlone() {
        assertThat(expressions.resolveSettings("%Container%/{name}.{ext}")).isEqualTo("receipts/{name}.{ext}");
    }
}
