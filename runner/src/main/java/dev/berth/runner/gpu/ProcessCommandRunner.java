package dev.berth.runner.gpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/// Runs a host program with ProcessBuilder, reading its merged output on a virtual thread so a chatty
/// program cannot block on a full pipe while we wait for it. Thread-safe: each call owns its process.
final class ProcessCommandRunner implements CommandRunner {
    @Override
    public Output run(List<String> command, Duration timeout) throws IOException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close(); // a program that reads stdin sees its end rather than waiting
        var text = new CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            try (var in = process.getInputStream()) {
                text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.completeExceptionally(e);
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.getFirst() + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Output(process.exitValue(), text.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.getFirst(), e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("could not read the output of " + command.getFirst() + ": " + e.getMessage(), e);
        }
    }
}
