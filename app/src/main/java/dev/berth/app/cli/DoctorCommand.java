package dev.berth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.berth.runner.docker.DockerEngine;
import dev.berth.runner.doctor.Doctor;
import dev.berth.runner.doctor.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

/// `berth doctor [DIR]`: checks what running projects needs on this machine and prints each finding with
/// its fix; exit 1 when something FAILs. Runs on picocli's thread.
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check Docker (reachable, API version, disk space), ports 7071/4001, base images, GPU, JDK and Maven.")
final class DoctorCommand implements Callable<Integer> {
    static final int UNHEALTHY = 1;

    @Spec CommandSpec spec;
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "Project folder whose disk and running session to look at (default: the current folder).")
    Path dir;
    @Option(names = "--json", description = "Print the findings as JSON.") boolean json;

    private final Function<Path, List<Finding>> doctor;

    DoctorCommand() {
        this(dir -> {
            try (var engine = new DockerEngine()) {
                return Doctor.standard(engine, dir).run();
            }
        });
    }

    /// `doctor` runs every check for a project folder (tests give canned findings).
    DoctorCommand(Function<Path, List<Finding>> doctor) { this.doctor = doctor; }

    @Override
    public Integer call() {
        var findings = doctor.apply(dir.toAbsolutePath().normalize());
        var out = spec.commandLine().getOut();
        if (json) printJson(out, findings);
        else print(out, findings);
        out.flush();
        return Doctor.healthy(findings) ? 0 : UNHEALTHY;
    }

    /// One finding a line: status, name, what was found; the fix below it, under what was found.
    static void print(PrintWriter out, List<Finding> findings) {
        int width = findings.stream().mapToInt(f -> f.name().length()).max().orElse(0);
        var indent = " ".repeat(7 + width + 1);
        for (var f : findings) {
            out.printf(Locale.ROOT, "%-6s %-" + width + "s %s%n", f.status(), f.name(), f.found());
            if (!f.fix().isEmpty()) out.println(indent + "fix: " + f.fix());
        }
        long fails = count(findings, Finding.Status.FAIL);
        long warns = count(findings, Finding.Status.WARN);
        out.println();
        out.println(fails > 0 ? fails + " problem(s) stop Berth from running projects; " + warns + " warning(s)."
                : warns > 0 ? "Ready to run projects; " + warns + " warning(s)." : "Ready to run projects.");
    }

    private static long count(List<Finding> findings, Finding.Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }

    /// The JSON shape: `{"healthy": true, "findings": [{"name", "status", "found", "fix"}, …]}`.
    record Report(boolean healthy, List<Finding> findings) {}

    private static void printJson(PrintWriter out, List<Finding> findings) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(new Report(Doctor.healthy(findings), findings)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
