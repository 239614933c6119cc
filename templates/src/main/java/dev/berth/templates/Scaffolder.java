package dev.berth.templates;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Collectors;

/// Writes a template's files into a new project folder. Refuses a folder that exists and is not empty.
/// Stateless and thread-safe; two calls for the same target race only on the final move, and one loses.
///
/// The files are written into a hidden staging folder next to the target and moved into place in one
/// rename, so a failure part-way (disk full, a missing resource) never leaves half a project behind.
public final class Scaffolder {
    /// The text replaced by the app name in every text file of a template.
    public static final String APP_NAME_PLACEHOLDER = "__APP_NAME__";

    private static final Logger log = LoggerFactory.getLogger(Scaffolder.class);

    /// Creates `targetDir` with the template's files; `appName` replaces the `__APP_NAME__` placeholder.
    /// Returns the created folder (absolute).
    ///
    /// @throws InvalidAppNameException when Azure Container Apps would refuse `appName`
    /// @throws IOException when `targetDir` exists and is not empty, or cannot be written
    public Path scaffold(Template template, Path targetDir, String appName) throws IOException {
        AppName.requireValid(appName);
        var target = targetDir.toAbsolutePath().normalize();
        refuseOccupied(target);
        var staging = createStaging(target);
        try {
            for (var file : template.files()) write(template, file, staging, appName);
            moveIntoPlace(staging, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(staging, e);
            throw e;
        }
        log.info("Scaffolded template {} as '{}' into {}", template.id(), appName, target);
        return target;
    }

    private static void refuseOccupied(Path target) throws IOException {
        if (!Files.exists(target)) return;
        if (!Files.isDirectory(target)) {
            throw new IOException(target + " exists and is a file, not a folder. Choose another folder for the"
                    + " new project, or move the file away.");
        }
        try (var entries = Files.list(target)) {
            var names = entries.limit(4).map(p -> p.getFileName().toString()).collect(Collectors.toList());
            if (!names.isEmpty()) {
                throw new IOException("Folder " + target + " exists and is not empty (it holds "
                        + String.join(", ", names.subList(0, Math.min(3, names.size())))
                        + (names.size() > 3 ? ", …" : "") + "). Choose a new folder name, or empty that folder"
                        + " first; Berth never writes a template over existing files.");
            }
        }
    }

    private static Path createStaging(Path target) throws IOException {
        var parent = target.getParent();
        try {
            Files.createDirectories(parent);
            // Not createTempDirectory: that makes the folder owner-only (0700), which the project would keep.
            return Files.createDirectory(parent.resolve("." + target.getFileName() + ".berth-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new IOException("Cannot create the project folder in " + parent + ": " + e.getMessage()
                    + ". Choose a folder you can write to.", e);
        }
    }

    private static void write(Template template, TemplateFile file, Path staging, String appName)
            throws IOException {
        var resource = file.resource(template.id());
        byte[] bytes;
        try (InputStream in = Scaffolder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Template '" + template.id() + "' lists " + file.path()
                        + " but the Berth templates jar lacks " + resource + "; the installation is damaged.");
            }
            bytes = in.readAllBytes();
        }
        var out = staging.resolve(file.path());
        Files.createDirectories(out.getParent());
        Files.write(out, substitute(bytes, appName));
        if (file.executable()) makeExecutable(out);
    }

    /// Text files (valid UTF-8) get the placeholder replaced; anything else is copied byte for byte.
    static byte[] substitute(byte[] bytes, String appName) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException binary) {
            return bytes;
        }
        return text.replace(APP_NAME_PLACEHOLDER, appName).getBytes(StandardCharsets.UTF_8);
    }

    private static void makeExecutable(Path file) throws IOException {
        var view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) return; // Windows: no execute bit; Docker and git on Linux decide there.
        var permissions = view.readAttributes().permissions();
        if (permissions.contains(PosixFilePermission.OWNER_READ)) permissions.add(PosixFilePermission.OWNER_EXECUTE);
        if (permissions.contains(PosixFilePermission.GROUP_READ)) permissions.add(PosixFilePermission.GROUP_EXECUTE);
        if (permissions.contains(PosixFilePermission.OTHERS_READ)) permissions.add(PosixFilePermission.OTHERS_EXECUTE);
        view.setPermissions(permissions);
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            // An empty target folder was allowed above; a rename cannot replace it everywhere, so drop it.
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new IOException("Folder " + target + " could not be replaced: " + e.getMessage()
                    + ". Remove it, or choose a new folder name.", e);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Folder " + target + " appeared while the project was being written."
                    + " Choose a new folder name.", e);
        }
    }

    private static void deleteQuietly(Path dir, Exception cause) {
        try (var paths = Files.walk(dir)) {
            for (var p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
