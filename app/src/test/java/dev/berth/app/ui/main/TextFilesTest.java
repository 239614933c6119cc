package dev.berth.app.ui.main;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextFilesTest {
    @TempDir Path dir;

    @Test
    void read_fileOverTheLimit_isRefusedNamingItsSizeAndTheLimit() throws IOException {
        var big = dir.resolve("big.log");
        try (var file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(TextFiles.MAX_BYTES + 1); // sparse: no need to write megabytes
        }

        assertThatThrownBy(() -> TextFiles.read(big)).isInstanceOf(TextFiles.TooLargeException.class)
                .hasMessageContaining(big.toString()).hasMessageContaining("4.0 MB")
                .hasMessageContaining("another program");
    }

    @Test
    void writeThenRead_roundTripsUtf8() throws IOException {
        var file = dir.resolve("host.json");

        TextFiles.write(file, "{\"name\": \"Ada ✓\"}");

        assertThat(TextFiles.read(file)).isEqualTo("{\"name\": \"Ada ✓\"}");
        assertThat(Files.size(file)).isLessThan(TextFiles.MAX_BYTES);
    }
}
