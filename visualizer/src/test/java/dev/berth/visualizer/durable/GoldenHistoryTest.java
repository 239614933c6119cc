package dev.berth.visualizer.durable;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// Replays every history under `src/test/resources/golden/` through [TimelineModel] and compares the
/// timeline, as [TimelineText] writes it, with the `<name>.expected.txt` beside it. After an intended
/// change of the model (or new recorded histories in the same JSON format), rewrite the expected files with
/// `-Dgolden.update=true` and review the diff.
class GoldenHistoryTest {
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> goldenHistories_replayed_giveTheExpectedTimelines() throws IOException {
        List<Path> histories;
        try (Stream<Path> files = Files.list(GOLDEN)) {
            histories = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(histories).as("golden histories in " + GOLDEN.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(8);
        return histories.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    private static void check(Path history) throws IOException {
        String name = history.getFileName().toString().replaceFirst("\\.json$", "");
        Path expectedFile = history.resolveSibling(name + ".expected.txt");
        String actual = TimelineText.describe(TimelineModel.build(
                HistoryJson.read(Files.readString(history, StandardCharsets.UTF_8))));
        if (UPDATE || !Files.exists(expectedFile)) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(expectedFile)).isTrue();
        assertThat(actual).as("timeline of " + history + " (rerun with -Dgolden.update=true after an intended"
                + " change and review the diff)").isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    }

    /// A golden history by name, for tests that assert on single bars.
    static Timeline timeline(String name) throws IOException {
        return TimelineModel.build(HistoryJson.read(Files.readString(GOLDEN.resolve(name + ".json"))));
    }
}
