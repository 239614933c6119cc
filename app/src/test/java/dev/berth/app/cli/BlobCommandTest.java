package dev.berth.app.cli;

import dev.berth.runner.trigger.ProjectStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/// `berth blob …` against a project's embedded storage in a temporary folder (no Docker, no session).
class BlobCommandTest {
    @TempDir Path project;
    @TempDir Path files;
    private final InProcessCli cli = new InProcessCli();

    private int berth(String... args) { return cli.run(args); }

    private ProjectStorage storage() throws Exception { return InProcessCli.storage(project); }

    @Test
    void put_file_createsTheContainerAndTakesTheContentTypeFromTheExtension() throws Exception {
        var file = Files.writeString(files.resolve("order.json"), "{\"n\":1}");

        assertThat(berth("blob", "put", project.toString(), "orders/2026/order.json", file.toString())).isZero();

        assertThat(cli.out()).startsWith("orders/2026/order.json  7 bytes  application/json  ETag \"0x");
        try (var storage = storage()) {
            var blob = storage.blobs().get("orders", "2026/order.json");
            assertThat(blob.properties().contentType()).isEqualTo("application/json");
            assertThat(new String(blob.content(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
        }
    }

    @Test
    void put_pathWithoutContainer_printsTheFixAndExitsTwo() throws Exception {
        var file = Files.writeString(files.resolve("a.txt"), "a");

        assertThat(berth("blob", "put", project.toString(), "a.txt", file.toString())).isEqualTo(2);

        assertThat(cli.err()).contains("'a.txt' is not a blob path").contains("CONTAINER/NAME");
    }

    @Test
    void put_missingFile_namesItAndExitsTwo() {
        assertThat(berth("blob", "put", project.toString(), "images/a.png", files.resolve("gone.png").toString()))
                .isEqualTo(2);

        assertThat(cli.err()).contains("gone.png does not exist").doesNotContain("\tat ");
    }

    @Test
    void list_withoutContainer_listsContainers_withContainer_listsBlobsByPrefix() throws Exception {
        try (var storage = storage()) {
            storage.blobs().createContainer("images");
            storage.blobs().createContainer("orders");
            storage.blobs().put("images", "cats/a.png", new byte[10], "image/png");
            storage.blobs().put("images", "cats/b.png", new byte[20], "image/png");
            storage.blobs().put("images", "dogs/c.png", new byte[30], "image/png");
        }

        assertThat(berth("blob", "list", project.toString())).isZero();
        assertThat(cli.out().lines()).containsExactly("images", "orders");

        assertThat(berth("blob", "list", project.toString(), "images", "--prefix", "cats/")).isZero();
        var lines = cli.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("NAME").contains("SIZE").contains("CONTENT-TYPE").contains("MODIFIED");
        assertThat(lines.get(1)).startsWith("cats/a.png").contains("10  image/png");
        assertThat(lines.get(2)).startsWith("cats/b.png").contains("20  image/png");
    }

    @Test
    void get_toFile_writesTheBytes() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        try (var storage = storage()) {
            storage.blobs().createContainer("images");
            storage.blobs().put("images", "a.png", png, "image/png");
        }
        var target = files.resolve("copy.png");

        assertThat(berth("blob", "get", project.toString(), "images/a.png", "-o", target.toString())).isZero();

        assertThat(Files.readAllBytes(target)).isEqualTo(png);
        assertThat(cli.out()).contains("Wrote 7 bytes to " + target);
    }

    @Test
    void get_withoutOutput_writesRawBytesToStdout() throws Exception {
        try (var storage = storage()) {
            storage.blobs().createContainer("notes");
            storage.blobs().put("notes", "hello.txt", "hello\n".getBytes(StandardCharsets.UTF_8), "text/plain");
        }
        var stdout = new ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            assertThat(berth("blob", "get", project.toString(), "notes/hello.txt")).isZero();
        } finally {
            System.setOut(original);
        }

        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
    }

    @Test
    void get_missingBlob_saysHowToFindItAndExitsTwo() throws Exception {
        try (var storage = storage()) {
            storage.blobs().createContainer("images");
        }

        assertThat(berth("blob", "get", project.toString(), "images/nope.png")).isEqualTo(2);

        assertThat(cli.err()).contains("blob 'images/nope.png' does not exist").contains("list the container");
    }
}
