package dev.berth.visualizer;

import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RingListTest {
    /// A list view rebuilds its rows from the change events alone; replaying them on a plain list
    /// must give the same content, also when the ring wraps around its array.
    @Test
    void slide_randomDropsAndAppends_changeEventsReplayToTheSameContent() {
        RingList<Integer> ring = new RingList<>(50);
        List<Integer> mirror = new ArrayList<>();
        ring.addListener((ListChangeListener<Integer>) change -> {
            while (change.next()) {
                assertThat(mirror.subList(change.getFrom(), change.getFrom() + change.getRemovedSize()))
                        .containsExactlyElementsOf(change.getRemoved());
                mirror.subList(change.getFrom(), change.getFrom() + change.getRemovedSize()).clear();
                mirror.addAll(change.getFrom(), change.getAddedSubList());
            }
        });
        Random random = new Random(42);
        int next = 0;
        for (int round = 0; round < 500; round++) {
            int drop = random.nextInt(ring.size() + 1) / 4;
            int add = random.nextInt(round % 50 == 0 ? 120 : 20);
            List<Integer> added = IntStream.range(next, next + add).boxed().toList();
            next += add;
            ring.slide(drop, added);
            assertThat(ring.size()).isLessThanOrEqualTo(50);
            assertThat(mirror).containsExactlyElementsOf(ring);
        }
    }

    @Test
    void slide_pastCapacity_keepsNewestInOrder() {
        RingList<Integer> ring = new RingList<>(3);
        ring.slide(0, List.of(1, 2));
        ring.slide(0, List.of(3, 4));
        assertThat(ring).containsExactly(2, 3, 4);
        ring.replaceAll(List.of(9));
        assertThat(ring).containsExactly(9);
        ring.clearAll();
        assertThat(ring).isEmpty();
    }

    @Test
    void slide_nothingToDo_firesNoChange() {
        RingList<Integer> ring = new RingList<>(3);
        List<String> changes = new ArrayList<>();
        ring.addListener((ListChangeListener<Integer>) change -> changes.add(change.toString()));
        ring.slide(0, List.of());
        assertThat(changes).isEmpty();
    }

    @Test
    void modification_fromOutside_isRefused() {
        RingList<Integer> ring = new RingList<>(3);
        assertThatThrownBy(() -> ring.add(1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ring.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
