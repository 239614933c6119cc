package dev.berth.runner.revision;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeightedPickerTest {
    private static Map<String, Integer> count(WeightedPicker picker, int picks) {
        var counts = new HashMap<String, Integer>();
        for (int i = 0; i < picks; i++) counts.merge(picker.pick(), 1, Integer::sum);
        return counts;
    }

    @Test
    void pick_8020over1000_withinThreePoints() {
        var weights = new LinkedHashMap<String, Integer>();
        weights.put("a", 80);
        weights.put("b", 20);
        var counts = count(new WeightedPicker(weights), 1000);
        assertThat(counts.get("a") / 10.0).isCloseTo(80, org.assertj.core.data.Offset.offset(3.0));
        assertThat(counts.get("b") / 10.0).isCloseTo(20, org.assertj.core.data.Offset.offset(3.0));
    }

    @Test
    void pick_anyHundredConsecutivePicks_matchWeightsExactly() {
        var picker = new WeightedPicker(Map.of("a", 33, "b", 33, "c", 34));
        count(picker, 17); // start mid-cycle
        assertThat(count(picker, 100)).containsEntry("a", 33).containsEntry("b", 33).containsEntry("c", 34);
    }

    @Test
    void pick_zeroWeight_neverPicked() {
        assertThat(count(new WeightedPicker(Map.of("a", 100, "b", 0)), 200)).containsOnlyKeys("a");
    }

    @Test
    void pick_8020_spreadsTheMinorityOut() {
        var picker = new WeightedPicker(new LinkedHashMap<>(Map.of("a", 80, "b", 20)));
        var run = new StringBuilder();
        for (int i = 0; i < 10; i++) run.append(picker.pick());
        assertThat(run.toString()).doesNotContain("bb");
    }

    @Test
    void create_noPositiveWeight_refuses() {
        assertThatThrownBy(() -> new WeightedPicker(Map.of("a", 0))).isInstanceOf(IllegalArgumentException.class);
    }
}
