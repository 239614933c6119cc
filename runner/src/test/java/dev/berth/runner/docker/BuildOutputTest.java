package dev.berth.runner.docker;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class BuildOutputTest {
    @Test void failureMessage_failedRunStep_namesStepErrorFixAndLastLines() {
        var progress = new ArrayList<String>();
        var output = new BuildOutput(progress::add);
        output.stream("Step 1/3 : FROM berth/base-python:bookworm\n ---> 1234\n");
        output.stream("Step 2/3 : RUN make\n");
        output.stream(" ---> Running in abc\n\u001B[31mmake: *** No targets.\u001B[0m\n");
        output.error("The command '/bin/sh -c make' returned a non-zero code: 2");

        var message = output.failureMessage("app:1", Path.of("/p/Dockerfile"), "unused");

        assertThat(output.failed()).isTrue();
        assertThat(message)
                .startsWith("Building image app:1 from /p/Dockerfile failed at Step 2/3 : RUN make: The command")
                .contains("Fix: the command of that step failed")
                .contains("  make: *** No targets.")
                .contains("  ERROR: The command '/bin/sh -c make' returned a non-zero code: 2");
        assertThat(progress).contains("make: *** No targets.");
    }

    @Test void failureMessage_missingFromImage_suggestsBuildingTheBase() {
        var output = new BuildOutput(line -> {});
        output.stream("Step 1/2 : FROM python:3.12-slim\n");
        output.error("pull access denied for python, repository does not exist");
        assertThat(output.failureMessage("t", Path.of("Dockerfile"), ""))
                .contains("build the base image first");
    }

    @Test void failureMessage_keepsOnlyTheLastLines() {
        var output = new BuildOutput(line -> {});
        for (int i = 0; i < 50; i++) output.stream("line " + i + "\n");
        var message = output.failureMessage("t", Path.of("Dockerfile"), "stream broke");
        assertThat(message).contains("line 49").contains("line 30").doesNotContain("line 29\n").contains("stream broke");
    }
}
