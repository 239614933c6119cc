package dev.berth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runner.doctor.Finding;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DoctorCommandTest {
    private static final List<Finding> HEALTHY = List.of(
            Finding.ok("Docker", "Docker 27.3.1 on Ubuntu 24.04"),
            Finding.warn("Image berth/base-java:25", "not built yet", "nothing to do: it is built at first run, ~1 min"),
            Finding.info("GPU", "no NVIDIA GPU (nvidia-smi not found)", "none needed: GPU apps run on CPU (gpu: prefer)"));
    private final StringWriter out = new StringWriter();
    private Path asked;

    private int doctor(List<Finding> findings, String... args) {
        var cli = new CommandLine(new DoctorCommand(dir -> {
            asked = dir;
            return findings;
        }));
        cli.setOut(new PrintWriter(out));
        return cli.execute(args);
    }

    @Test
    void doctor_noFailure_printsEachFindingWithItsFixAlignedAndExitsZero() {
        int code = doctor(HEALTHY, "/work/hello");
        assertThat(code).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "OK     Docker                   Docker 27.3.1 on Ubuntu 24.04",
                "WARN   Image berth/base-java:25 not built yet",
                "                                fix: nothing to do: it is built at first run, ~1 min",
                "INFO   GPU                      no NVIDIA GPU (nvidia-smi not found)",
                "                                fix: none needed: GPU apps run on CPU (gpu: prefer)",
                "",
                "Ready to run projects; 1 warning(s).");
        assertThat(asked).isEqualTo(Path.of("/work/hello"));
    }

    @Test
    void doctor_aFailure_exitsOneAndSaysSo() {
        int code = doctor(List.of(Finding.fail("Docker", "connection refused", "start Docker")));
        assertThat(code).isEqualTo(DoctorCommand.UNHEALTHY);
        assertThat(out.toString()).contains("FAIL   Docker").contains("fix: start Docker")
                .contains("1 problem(s) stop Berth from running projects");
        assertThat(asked).isEqualTo(Path.of("").toAbsolutePath());
    }

    @Test
    void doctor_json_printsHealthAndEveryField() throws Exception {
        int code = doctor(HEALTHY, "--json");
        assertThat(code).isZero();
        var json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("healthy").asBoolean()).isTrue();
        assertThat(json.path("findings")).hasSize(3);
        var image = json.path("findings").get(1);
        assertThat(image.path("name").asText()).isEqualTo("Image berth/base-java:25");
        assertThat(image.path("status").asText()).isEqualTo("WARN");
        assertThat(image.path("found").asText()).isEqualTo("not built yet");
        assertThat(image.path("fix").asText()).contains("~1 min");
    }

    @Test
    void berth_listsDoctorAsASubcommand() {
        var cli = BerthCli.create(new CommandFactory(() -> { throw new AssertionError("doctor needs no runner"); }));
        assertThat(cli.getSubcommands()).containsKey("doctor");
    }
}
