package dev.berth.runner.revision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.berth.runner.project.ProjectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionConfigReaderTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static RevisionConfig parse(String yaml) throws Exception {
        return RevisionConfigReader.parse(YAML.readTree(yaml));
    }

    private static String multiple(String traffic) {
        return "properties:\n  configuration:\n    activeRevisionsMode: Multiple\n    ingress:\n      traffic:\n" + traffic;
    }

    @Test
    void read_noFile_singleModeAllToLatest(@TempDir Path dir) throws Exception {
        var config = RevisionConfigReader.read(dir);
        assertThat(config.mode()).isEqualTo(ActiveRevisionsMode.SINGLE);
        assertThat(config.table().weights()).containsExactly(java.util.Map.entry(TrafficTable.LATEST, 100));
    }

    @Test
    void read_multipleWithNamedLatestAndLabels_readsEveryField(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("containerapp.yaml"), multiple("""
                        - revisionName: shop--v1
                          weight: 80
                          label: stable
                        - latestRevision: true
                          weight: 20
                          label: canary
                """) + "  template:\n    revisionSuffix: v2\n");

        var config = RevisionConfigReader.read(dir);

        assertThat(config.mode()).isEqualTo(ActiveRevisionsMode.MULTIPLE);
        assertThat(config.revisionSuffix()).contains("v2");
        assertThat(config.traffic()).containsExactly(
                new TrafficRule(Optional.of("shop--v1"), false, 80, Optional.of("stable")),
                new TrafficRule(Optional.empty(), true, 20, Optional.of("canary")));
        assertThat(config.table().labels()).containsEntry("canary", TrafficTable.LATEST).containsEntry("stable", "shop--v1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "weights not 100|  - latestRevision: true\\n    weight: 90\\n|the weights sum to 90|make the weights add up to 100",
            "weight above 100|  - latestRevision: true\\n    weight: 101\\n|traffic[0].weight|whole percent from 0 to 100",
            "weight negative|  - latestRevision: true\\n    weight: -1\\n|traffic[0].weight|0–100",
            "weight text|  - latestRevision: true\\n    weight: lots\\n|traffic[0].weight|0–100",
            "weight missing|  - latestRevision: true\\n|traffic[0].weight: is missing|weight: <0–100>",
            "no target|  - weight: 100\\n|names no revision|latestRevision: true",
            "both targets|  - latestRevision: true\\n    revisionName: a--b\\n    weight: 100\\n|names a revision and latestRevision|either",
            "latest not boolean|  - latestRevision: yes please\\n    weight: 100\\n|latestRevision|true or false",
            "bad label|  - latestRevision: true\\n    weight: 100\\n    label: Blue_1\\n|traffic[0].label|lowercase letters",
            "duplicate label|  - latestRevision: true\\n    weight: 50\\n    label: x\\n  - revisionName: a--v1\\n    weight: 50\\n    label: x\\n|used twice|own label",
            "duplicate target|  - revisionName: a--v1\\n    weight: 50\\n  - revisionName: a--v1\\n    weight: 50\\n|more than one rule|merge",
            "unknown field|  - latestRevision: true\\n    weight: 100\\n    percent: 5\\n|traffic[0].percent|revisionName, latestRevision, weight and label",
            "not a list|  latestRevision: true\\n|must be a list|latestRevision: true",
            "item not mapping|  - 100\\n|must be a mapping|weight",
    })
    void parse_badTraffic_namesFieldAndFix(String name, String traffic, String message, String fix) {
        var yaml = multiple(("      " + traffic.replace("\\n", "\n      ")).stripTrailing() + "\n");
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(ProjectException.class)
                .hasMessageContaining("containerapp.yaml properties.configuration.ingress.traffic")
                .hasMessageContaining(message).hasMessageContaining("Fix: ").hasMessageContaining(fix);
    }

    @Test
    void parse_unknownMode_namesTheChoices() {
        assertThatThrownBy(() -> parse("properties:\n  configuration:\n    activeRevisionsMode: Many\n"))
                .hasMessageContaining("properties.configuration.activeRevisionsMode").hasMessageContaining("Single or Multiple");
    }

    @Test
    void parse_labelsMode_saysUseMultiple() {
        assertThatThrownBy(() -> parse("properties:\n  configuration:\n    activeRevisionsMode: Labels\n"))
                .hasMessageContaining("Labels mode").hasMessageContaining("use Multiple");
    }

    @ParameterizedTest
    @CsvSource({"V2", "-v2", "v2-", "a--b", "v_2"})
    void parse_badSuffix_namesFieldAndFix(String suffix) {
        assertThatThrownBy(() -> parse("properties:\n  template:\n    revisionSuffix: \"" + suffix + "\"\n"))
                .hasMessageContaining("properties.template.revisionSuffix").hasMessageContaining("Fix: use lowercase");
    }

    @Test
    void parse_singleModeWithNamedWeights_saysSwitchToMultiple() {
        var yaml = "properties:\n  configuration:\n    ingress:\n      traffic:\n        - revisionName: a--v1\n          weight: 100\n";
        assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("activeRevisionsMode: Multiple");
    }

    @Test
    void parse_modeCaseInsensitive_accepted() throws Exception {
        assertThat(parse("properties:\n  configuration:\n    activeRevisionsMode: multiple\n").mode())
                .isEqualTo(ActiveRevisionsMode.MULTIPLE);
    }
}
