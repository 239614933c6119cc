package dev.berth.templates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/// Runs `mvn -B -q -ntp package` in a scaffolded project, as Berth's image builder does before `docker
/// build`, with the test's JDK as JAVA_HOME; fails the test with Maven's output when it fails. Needs `mvn`
/// on the PATH and the plugins and dependencies in the local repository or reachable. Stateless.
final class MavenPackage {
    private MavenPackage() {}

    static void run(Path project) throws Exception {
        var log = Files.createTempFile("mvn-", ".log");
        try {
            var mvn = new ProcessBuilder(List.of("mvn", "-B", "-q", "-ntp", "package")).directory(project.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            mvn.environment().put("JAVA_HOME", System.getProperty("java.home"));
            var build = mvn.start();
            assertThat(build.waitFor(5, TimeUnit.MINUTES)).as("mvn package finished within 5 minutes").isTrue();
            assertThat(build.exitValue()).as("mvn package output:%n%s", Files.readString(log)).isZero();
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
