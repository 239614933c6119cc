package dev.berth.app.cli;

import dev.berth.runner.blob.BlobProperties;
import dev.berth.runner.trigger.ProjectStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/// `berth blob list|put|get <dir> …`: the project's embedded blob containers from a shell, on the storage
/// directly (no session needed; a running one's blob triggers see a put within ~100 ms). Each subcommand
/// runs on picocli's thread.
@Command(name = "blob", mixinStandardHelpOptions = true,
        description = "List, upload and download the project's embedded blobs.",
        subcommands = {BlobCommand.ListBlobs.class, BlobCommand.Put.class, BlobCommand.Get.class})
final class BlobCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("json", "application/json"), Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"),
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("xml", "application/xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("svg", "image/svg+xml"), Map.entry("webp", "image/webp"),
            Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"), Map.entry("md", "text/markdown"),
            Map.entry("yaml", "application/yaml"), Map.entry("yml", "application/yaml"), Map.entry("js", "text/javascript"),
            Map.entry("css", "text/css"), Map.entry("gz", "application/gzip"));

    /// `container/name` split at the first slash.
    record BlobPath(String container, String name) {
        static BlobPath of(String text) {
            int slash = text.indexOf('/');
            if (slash <= 0 || slash == text.length() - 1) {
                throw new IllegalArgumentException("'" + text + "' is not a blob path. Fix: write CONTAINER/NAME,"
                        + " e.g. images/cat.png.");
            }
            return new BlobPath(text.substring(0, slash), text.substring(slash + 1));
        }
    }

    /// The content type for a blob or file name by its extension; octet-stream when unknown.
    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        var ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Containers, or the blobs of one container.")
    static final class ListBlobs implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR", description = "Project folder.") Path dir;
        @Parameters(index = "1", paramLabel = "CONTAINER", arity = "0..1", description = "List this container's blobs.")
        String container;
        @Option(names = "--prefix", description = "Only blobs whose names start with this.") String prefix;

        @Override
        public Integer call() {
            return StorageCli.printing(spec, dir, (storage, out) -> {
                if (container == null) {
                    listContainers(out, storage);
                } else {
                    listBlobs(out, storage);
                }
            });
        }

        private void listContainers(PrintWriter out, ProjectStorage storage) {
            var containers = storage.blobs().listContainers();
            if (containers.isEmpty()) out.println("No blob containers yet. Upload with `berth blob put " + dir
                    + " <container/name> <file>`.");
            containers.forEach(out::println);
        }

        private void listBlobs(PrintWriter out, ProjectStorage storage) {
            var blobs = new ArrayList<BlobProperties>();
            String marker = null;
            do {
                var page = storage.blobs().list(container, prefix, 5000, marker);
                blobs.addAll(page.blobs());
                marker = page.nextMarker();
            } while (marker != null);
            if (blobs.isEmpty()) {
                out.println("Container '" + container + "' has no blobs" + (prefix == null ? "." : " starting with '"
                        + prefix + "'."));
                return;
            }
            print(out, blobs);
        }

        private static void print(PrintWriter out, List<BlobProperties> blobs) {
            int nameWidth = Math.max(4, blobs.stream().mapToInt(b -> b.name().length()).max().orElse(0));
            int typeWidth = Math.max(12, blobs.stream().mapToInt(b -> b.contentType().length()).max().orElse(0));
            var format = "%-" + nameWidth + "s  %10s  %-" + typeWidth + "s  %s%n";
            out.printf(format, "NAME", "SIZE", "CONTENT-TYPE", "MODIFIED");
            for (var b : blobs) out.printf(format, b.name(), b.length(), b.contentType(), TIME.format(b.lastModified()));
        }
    }

    @Command(name = "put", mixinStandardHelpOptions = true,
            description = "Upload a file (or - for stdin) as a blob; the container is created when missing.")
    static final class Put implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR", description = "Project folder.") Path dir;
        @Parameters(index = "1", paramLabel = "CONTAINER/NAME", description = "e.g. images/cat.png.") String path;
        @Parameters(index = "2", paramLabel = "FILE", description = "The file to upload, or - for stdin.") String file;
        @Option(names = "--content-type", description = "Default: from the file extension.") String type;

        @Override
        public Integer call() {
            return StorageCli.printing(spec, dir, (storage, out) -> {
                var target = BlobPath.of(path);
                dev.berth.runner.blob.BlobNames.container(target.container());
                dev.berth.runner.blob.BlobNames.blob(target.name());
                byte[] bytes = file.equals("-") ? System.in.readAllBytes() : StorageCli.readFile(Path.of(file));
                var contentType = type != null ? type : contentType(file.equals("-") ? target.name() : file);
                storage.blobs().createContainer(target.container());
                var p = storage.blobs().put(target.container(), target.name(), new ByteArrayInputStream(bytes),
                        contentType, Map.of(), null);
                out.println(p.path() + "  " + p.length() + " bytes  " + p.contentType() + "  ETag " + p.eTag());
            });
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Download a blob to stdout, or to a file with -o.")
    static final class Get implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DIR", description = "Project folder.") Path dir;
        @Parameters(index = "1", paramLabel = "CONTAINER/NAME", description = "e.g. images/cat.png.") String path;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout.") Path output;
        private final OutputStream stdout;

        Get() {
            this(System.out);
        }

        Get(OutputStream stdout) {
            this.stdout = stdout;
        }

        @Override
        public Integer call() {
            return StorageCli.withStorage(spec, dir, storage -> {
                var target = BlobPath.of(path);
                var blob = storage.blobs().get(target.container(), target.name());
                if (output == null) {
                    // Raw bytes, not through the text writer: a blob may be an image.
                    stdout.write(blob.content());
                    stdout.flush();
                } else {
                    writeFile(blob.content());
                    spec.commandLine().getOut().println("Wrote " + blob.content().length + " bytes to " + output);
                    spec.commandLine().getOut().flush();
                }
                return 0;
            });
        }

        private void writeFile(byte[] content) throws IOException {
            try {
                Files.write(output, content);
            } catch (IOException e) {
                throw new IOException("Cannot write " + output + ": " + e.getMessage()
                        + ". Fix: choose a writable path for -o.", e);
            }
        }
    }
}
