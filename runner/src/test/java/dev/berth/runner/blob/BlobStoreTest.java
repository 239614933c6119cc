package dev.berth.runner.blob;

import dev.berth.runner.blob.BlobChange.BlobCreated;
import dev.berth.runner.blob.BlobChange.BlobDeleted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlobStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @TempDir Path dir;
    private final BlobTestClock clock = new BlobTestClock(T0);
    private BlobStore store;

    @BeforeEach
    void open() throws Exception {
        store = BlobStore.open(db(), blobs(), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path db() {
        return dir.resolve(".berth/berth.db");
    }

    private Path blobs() {
        return dir.resolve(".berth/blobs");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void createContainer_newAndExisting_reportsWhetherCreated() {
        assertThat(store.createContainer("images")).isTrue();
        assertThat(store.createContainer("images")).isFalse();
        store.createContainer("archive");
        assertThat(store.listContainers()).containsExactly("archive", "images");
    }

    @Test
    void createContainer_invalidName_isRejected() {
        assertThatThrownBy(() -> store.createContainer("Bad_Name"))
                .hasMessageContaining("field 'container'");
        assertThat(store.listContainers()).isEmpty();
    }

    @Test
    void deleteContainer_withBlobs_removesBlobsRowsAndFiles() throws IOException {
        store.createContainer("images");
        store.put("images", "a.png", utf8("x"), "image/png");
        store.deleteContainer("images");
        assertThat(store.listContainers()).isEmpty();
        assertThat(Files.exists(blobs().resolve("images"))).isFalse();
        store.createContainer("images");
        assertThat(store.list("images", null, 10, null).blobs()).isEmpty();
    }

    @Test
    void deleteContainer_missing_throwsNotFound() {
        assertThatThrownBy(() -> store.deleteContainer("nothing"))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining("'nothing' does not exist");
    }

    @Test
    void put_thenGet_returnsContentAndProperties() throws Exception {
        store.createContainer("images");
        var put = store.put("images", "cats/tom.png", new ByteArrayInputStream(utf8("meow")), "image/png",
                Map.of("owner", "jerry"), null);
        var got = store.get("images", "cats/tom.png");
        assertThat(got.content()).isEqualTo(utf8("meow"));
        assertThat(got.properties()).isEqualTo(put);
        assertThat(put.contentType()).isEqualTo("image/png");
        assertThat(put.length()).isEqualTo(4);
        assertThat(put.lastModified()).isEqualTo(T0);
        assertThat(put.metadata()).containsExactly(Map.entry("owner", "jerry"));
        assertThat(put.eTag()).matches("\"0x[0-9A-F]{16}\"");
        assertThat(put.contentMd5()).isEqualTo(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("MD5").digest(utf8("meow"))));
        assertThat(put.path()).isEqualTo("images/cats/tom.png");
        assertThat(store.getProperties("images", "cats/tom.png")).isEqualTo(put);
    }

    @Test
    void put_noContentType_defaultsToOctetStream() {
        store.createContainer("images");
        assertThat(store.put("images", "x", utf8(""), null).contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void put_everyWrite_changesETagAndLastModified() {
        store.createContainer("images");
        var first = store.put("images", "a", utf8("1"), "text/plain");
        clock.advance(Duration.ofSeconds(5));
        var second = store.put("images", "a", utf8("1"), "text/plain");
        var third = store.put("images", "a", utf8("2"), "text/plain");
        assertThat(List.of(first.eTag(), second.eTag(), third.eTag())).doesNotHaveDuplicates();
        assertThat(second.lastModified()).isEqualTo(T0.plusSeconds(5));
        assertThat(store.get("images", "a").content()).isEqualTo(utf8("2"));
    }

    @Test
    void put_overwrite_leavesOneFilePerBlob() throws IOException {
        store.createContainer("images");
        for (int i = 0; i < 5; i++) store.put("images", "a", utf8("v" + i), "text/plain");
        assertThat(filesUnder(blobs().resolve("images"))).hasSize(1);
    }

    @Test
    void put_nameThatIsAlsoAFolderPrefix_keepsBothBlobs() {
        store.createContainer("images");
        store.put("images", "a", utf8("file a"), "text/plain");
        store.put("images", "a/b", utf8("file a/b"), "text/plain");
        store.put("images", "a/b/c", utf8("file a/b/c"), "text/plain");
        assertThat(store.get("images", "a").content()).isEqualTo(utf8("file a"));
        assertThat(store.get("images", "a/b").content()).isEqualTo(utf8("file a/b"));
        assertThat(store.get("images", "a/b/c").content()).isEqualTo(utf8("file a/b/c"));
    }

    @Test
    void put_containerMissing_throwsNotFoundAndWritesNothing() throws IOException {
        assertThatThrownBy(() -> store.put("images", "a", utf8("x"), "text/plain"))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining("blob container 'images' does not exist; create it first");
        assertThat(filesUnder(blobs())).isEmpty();
    }

    @Test
    void put_traversalNames_areRejectedAndNothingIsWrittenOutside() throws IOException {
        store.createContainer("images");
        for (var name : List.of("../x", "a/../../b", "/etc/passwd", "a\\b", "..", "a\u0000b")) {
            assertThatThrownBy(() -> store.put("images", name, utf8("evil"), "text/plain"))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("field 'blob name'");
        }
        assertThat(filesUnder(dir)).allMatch(p -> !p.getFileName().toString().equals("x")
                && !p.getFileName().toString().equals("b") && !p.getFileName().toString().equals("passwd"));
        assertThat(filesUnder(blobs())).isEmpty();
    }

    @Test
    void put_invalidMetadataName_isRejectedWithFix() {
        store.createContainer("images");
        assertThatThrownBy(() -> store.put("images", "a", new ByteArrayInputStream(utf8("x")), "text/plain",
                Map.of("bad-key", "v"), null))
                .hasMessageContaining("blob metadata name 'bad-key' (field 'metadata')")
                .hasMessageContaining("C# identifier");
    }

    @Test
    void put_metadataWithoutValue_isRejectedWithFix() {
        store.createContainer("images");
        var metadata = new java.util.HashMap<String, String>();
        metadata.put("owner", null);
        assertThatThrownBy(() -> store.put("images", "a", new ByteArrayInputStream(utf8("x")), "text/plain",
                metadata, null))
                .hasMessageContaining("blob metadata 'owner' (field 'metadata') has no value");
    }

    @Test
    void put_contentStreamFailsMidway_leavesNoMetadataAndNoFile() throws IOException {
        store.createContainer("images");
        var old = store.put("images", "a", utf8("old"), "text/plain");
        InputStream failing = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 100_000) return 'x';
                throw new IOException("connection reset by peer");
            }
        };
        assertThatThrownBy(() -> store.put("images", "a", failing, "text/plain", Map.of(), null))
                .hasMessageContaining("cannot write blob 'images/a'")
                .hasMessageContaining("connection reset by peer");
        assertThatThrownBy(() -> store.put("images", "new", failingAfter(10), "text/plain", Map.of(), null))
                .hasMessageContaining("cannot write blob 'images/new'");
        assertThat(store.get("images", "a").properties()).isEqualTo(old);
        assertThat(store.get("images", "a").content()).isEqualTo(utf8("old"));
        assertThatThrownBy(() -> store.getProperties("images", "new")).isInstanceOf(BlobNotFoundException.class);
        assertThat(filesUnder(blobs())).hasSize(1);
    }

    private static InputStream failingAfter(int bytes) {
        return new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < bytes) return 'y';
                throw new IOException("disk full");
            }
        };
    }

    @Test
    void open_afterCrashBetweenRenameAndCommit_removesOrphanFileAndKeepsOldVersion() throws Exception {
        store.createContainer("images");
        store.put("images", "a", utf8("committed"), "text/plain");
        // What a crash leaves: a fully written version file no row points to, and a temp file.
        Path orphan = blobs().resolve("images").resolve("deadbeef-orphan");
        Files.writeString(orphan, "half");
        Files.writeString(blobs().resolve(".tmp").resolve("x.part"), "half");
        store.close();
        store = BlobStore.open(db(), blobs(), clock);
        assertThat(Files.exists(orphan)).isFalse();
        assertThat(filesUnder(blobs())).hasSize(1);
        assertThat(store.get("images", "a").content()).isEqualTo(utf8("committed"));
    }

    @Test
    void putIfMatch_currentETag_succeeds_staleETag_conflicts() throws IOException {
        store.createContainer("images");
        var v1 = store.put("images", "a", utf8("1"), "text/plain");
        var v2 = store.put("images", "a", new ByteArrayInputStream(utf8("2")), "text/plain", Map.of(), v1.eTag());
        assertThatThrownBy(() -> store.put("images", "a", new ByteArrayInputStream(utf8("3")), "text/plain",
                Map.of(), v1.eTag()))
                .isInstanceOfSatisfying(BlobConditionFailedException.class, e -> {
                    assertThat(e.expectedETag()).isEqualTo(v1.eTag());
                    assertThat(e.actualETag()).isEqualTo(v2.eTag());
                })
                .hasMessageContaining("blob 'images/a' was changed by someone else")
                .hasMessageContaining("retry with its current ETag");
        assertThat(store.get("images", "a").content()).isEqualTo(utf8("2"));
        assertThat(filesUnder(blobs())).hasSize(1);
    }

    @Test
    void putIfMatch_star_requiresExistingBlob() {
        store.createContainer("images");
        assertThatThrownBy(() -> store.put("images", "a", new ByteArrayInputStream(utf8("1")), "text/plain",
                Map.of(), "*"))
                .isInstanceOf(BlobConditionFailedException.class)
                .hasMessageContaining("none (the blob does not exist)");
        store.put("images", "a", utf8("1"), "text/plain");
        assertThat(store.put("images", "a", new ByteArrayInputStream(utf8("2")), "text/plain", Map.of(), "*")
                .length()).isEqualTo(1);
    }

    @Test
    void deleteIfMatch_staleETag_conflicts_currentETag_deletes() {
        store.createContainer("images");
        var v1 = store.put("images", "a", utf8("1"), "text/plain");
        var v2 = store.put("images", "a", utf8("2"), "text/plain");
        assertThatThrownBy(() -> store.delete("images", "a", v1.eTag()))
                .isInstanceOf(BlobConditionFailedException.class);
        store.delete("images", "a", v2.eTag());
        assertThatThrownBy(() -> store.get("images", "a"))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining("blob 'images/a' does not exist");
    }

    @Test
    void delete_removesRowAndFile_missingBlobThrowsNotFound() throws IOException {
        store.createContainer("images");
        store.put("images", "a", utf8("1"), "text/plain");
        store.delete("images", "a");
        assertThat(filesUnder(blobs())).isEmpty();
        assertThatThrownBy(() -> store.delete("images", "a")).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void list_prefixAndPaging_returnsSortedPagesWithMarker() {
        store.createContainer("images");
        for (var name : List.of("cats/b", "cats/a", "dogs/a", "cats/c", "cat", "cats/d", "cats%")) {
            store.put("images", name, utf8(name), "text/plain");
        }
        var names = new ArrayList<String>();
        var markers = new ArrayList<String>();
        String marker = null;
        do {
            var page = store.list("images", "cats/", 2, marker);
            assertThat(page.blobs()).hasSizeLessThanOrEqualTo(2);
            page.blobs().forEach(b -> names.add(b.name()));
            marker = page.nextMarker();
            markers.add(marker);
        } while (marker != null);
        assertThat(names).containsExactly("cats/a", "cats/b", "cats/c", "cats/d");
        assertThat(markers).containsExactly("cats/b", null);
        assertThat(store.list("images", null, 100, null).blobs()).extracting(BlobProperties::name)
                .containsExactly("cat", "cats%", "cats/a", "cats/b", "cats/c", "cats/d", "dogs/a");
        assertThat(store.list("images", "cats%", 100, null).blobs()).extracting(BlobProperties::name)
                .containsExactly("cats%");
    }

    @Test
    void list_badPageSizeOrMissingContainer_isRejected() {
        store.createContainer("images");
        assertThatThrownBy(() -> store.list("images", null, 0, null)).hasMessageContaining("field 'maxResults'");
        assertThatThrownBy(() -> store.list("other", null, 10, null)).isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void subscribe_putAndDelete_notifyAfterCommitWithEventGridData() {
        store.createContainer("images");
        var changes = new CopyOnWriteArrayList<BlobChange>();
        var seenCommitted = new CopyOnWriteArrayList<Boolean>();
        var subscription = store.subscribe(change -> {
            changes.add(change);
            // Immediately after commit: a subscriber already sees the new state.
            seenCommitted.add(change instanceof BlobCreated c
                    ? store.getProperties(c.container(), c.name()).eTag().equals(c.eTag())
                    : store.list(change.container(), change.name(), 10, null).blobs().isEmpty());
        });
        var put = store.put("images", "cats/tom.png", utf8("meow"), "image/png");
        store.delete("images", "cats/tom.png");
        assertThat(changes).containsExactly(
                new BlobCreated("images", "cats/tom.png", T0, "PutBlob", "image/png", 4, put.eTag()),
                new BlobDeleted("images", "cats/tom.png", T0, "DeleteBlob", "image/png", put.eTag()));
        assertThat(seenCommitted).containsExactly(true, true);
        assertThat(changes.getFirst().subject()).isEqualTo("/blobServices/default/containers/images/blobs/cats/tom.png");
        assertThat(changes.getFirst().url()).isEqualTo("/images/cats/tom.png");
        close(subscription);
        store.put("images", "b", utf8("x"), "text/plain");
        assertThat(changes).hasSize(2);
    }

    @Test
    void subscribe_failedConditionalPut_notifiesNothing() {
        store.createContainer("images");
        store.put("images", "a", utf8("1"), "text/plain");
        var changes = new CopyOnWriteArrayList<BlobChange>();
        store.subscribe(changes::add);
        assertThatThrownBy(() -> store.put("images", "a", new ByteArrayInputStream(utf8("2")), "text/plain",
                Map.of(), "\"0xSTALE\"")).isInstanceOf(BlobConditionFailedException.class);
        assertThat(changes).isEmpty();
    }

    @Test
    void tables_arePrefixedAndUseWal() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db());
             var rows = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            var tables = new ArrayList<String>();
            while (rows.next()) tables.add(rows.getString(1));
            assertThat(tables).isNotEmpty().allMatch(t -> t.startsWith("blob_"));
            assertThat(c.createStatement().executeQuery("PRAGMA journal_mode").getString(1)).isEqualTo("wal");
        }
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
