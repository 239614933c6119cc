package dev.berth.app.cli;

import dev.berth.runner.blob.BlobConditionFailedException;
import dev.berth.runner.blob.BlobNotFoundException;
import dev.berth.runner.queue.QueueException;
import dev.berth.runner.trigger.ProjectStorage;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

/// What the storage commands share: opening a project's embedded storage and turning the errors a user
/// can cause into their message and exit code 2, never a stack trace. Stateless; runs on picocli's thread.
final class StorageCli {
    /// Exit code of a user error (bad argument, missing queue or blob, no session).
    static final int USER_ERROR = 2;

    private StorageCli() {}

    /// Work on an open storage; answers the exit code.
    @FunctionalInterface
    interface Work {
        int run(ProjectStorage storage) throws IOException;
    }

    /// Opens `dir`'s storage (`dir/.berth/berth.db`), runs `work`, and reports refusals as user errors.
    static int withStorage(CommandSpec spec, Path dir, Work work) {
        var err = spec.commandLine().getErr();
        var project = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(project)) {
            return fail(err, "Project folder " + dir + " does not exist. Fix: pass the folder that holds host.json.");
        }
        try (var storage = ProjectStorage.open(project.resolve(".berth"), Clock.systemUTC())) {
            return work.run(storage);
        } catch (QueueException | BlobNotFoundException | BlobConditionFailedException | IllegalArgumentException e) {
            return fail(err, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return fail(err, e.getMessage());
        } catch (SQLException | IllegalStateException e) {
            err.println("The project database " + project.resolve(".berth").resolve(ProjectStorage.DATABASE)
                    + " cannot be used: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /// Work that only prints to the command's output.
    @FunctionalInterface
    interface Report {
        void print(ProjectStorage storage, PrintWriter out) throws IOException;
    }

    /// `withStorage` for a command that only prints: hands it the command's output, flushes that after it,
    /// and exits 0 (failures are reported as in `withStorage`).
    static int printing(CommandSpec spec, Path dir, Report report) {
        return withStorage(spec, dir, storage -> {
            var out = spec.commandLine().getOut();
            report.print(storage, out);
            out.flush();
            return 0;
        });
    }

    static int fail(PrintWriter err, String message) {
        err.println(message);
        err.flush();
        return USER_ERROR;
    }

    /// The text of an argument: `-` reads standard input, `@file` the file, anything else is itself.
    static byte[] read(String argument, InputStream stdin) throws IOException {
        if (argument.equals("-")) return stdin.readAllBytes();
        if (argument.startsWith("@")) return readFile(Path.of(argument.substring(1)));
        return argument.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] readFile(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("File " + file + " does not exist. Fix: check the path (relative to "
                    + Path.of("").toAbsolutePath() + ").", e);
        } catch (IOException e) {
            throw new IOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /// `text` cut to `max` characters on one line, so a table stays a table.
    static String shorten(String text, int max) {
        var line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
