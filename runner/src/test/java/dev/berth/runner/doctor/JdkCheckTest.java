package dev.berth.runner.doctor;

import dev.berth.runner.doctor.Finding.Status;
import dev.berth.runner.gpu.CommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JdkCheckTest {
    private static final Path MVN = Path.of("/usr/bin/mvn");
    private static final CommandRunner MAVEN_3_9 = (command, timeout) ->
            new CommandRunner.Output(0, "Apache Maven 3.9.9 (8e8579a9)\nMaven home: /usr/share/maven\n");
    @TempDir Path jdk;

    private List<Finding> run(String running, Optional<Path> maven, CommandRunner commands) {
        return new JdkCheck(Runtime.Version.parse(running), jdk, maven, commands).run(DoctorFakes.reachable());
    }

    private void fakeJdk(String version, String... tools) throws IOException {
        Files.createDirectories(jdk.resolve("bin"));
        for (var tool : tools) {
            Files.createFile(jdk.resolve("bin").resolve(tool), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"" + version + "\"\n");
    }

    @Test
    void run_jdk25WithMaven_allOk() throws IOException {
        fakeJdk("25.0.1", "javac", "jlink");
        var findings = run("25.0.1+8", Optional.of(MVN), MAVEN_3_9);
        assertThat(findings).extracting(Finding::status).containsExactly(Status.OK, Status.OK, Status.OK);
        assertThat(findings.get(1).found()).isEqualTo("Java 25.0.1 at " + jdk);
        assertThat(findings.get(2).found()).isEqualTo("Apache Maven 3.9.9 (8e8579a9) at /usr/bin/mvn");
    }

    @Test
    void run_berthOnAnOlderJvm_fails() throws IOException {
        fakeJdk("25", "javac", "jlink");
        var jvm = run("21.0.4", Optional.of(MVN), MAVEN_3_9).get(0);
        assertThat(jvm.status()).isEqualTo(Status.FAIL);
        assertThat(jvm.fix()).contains("Temurin 25");
    }

    @Test
    void run_buildJdkIsAJre_warnsWhatIsMissing() throws IOException {
        fakeJdk("25.0.1", "java");
        var build = run("25", Optional.of(MVN), MAVEN_3_9).get(1);
        assertThat(build.status()).isEqualTo(Status.WARN);
        assertThat(build.found()).contains("not a full JDK").contains("bin/javac").contains("bin/jlink");
        assertThat(build.fix()).contains("JAVA_HOME").contains("only Java templates");
    }

    @Test
    void run_buildJdkIsJava21_warns() throws IOException {
        fakeJdk("21.0.4", "javac", "jlink");
        var build = run("25", Optional.of(MVN), MAVEN_3_9).get(1);
        assertThat(build.status()).isEqualTo(Status.WARN);
        assertThat(build.found()).contains("Java 21.0.4, not 25");
    }

    @Test
    void run_noMaven_warnsHowToInstallIt() throws IOException {
        fakeJdk("25", "javac", "jlink");
        var maven = run("25", Optional.empty(), MAVEN_3_9).get(2);
        assertThat(maven.status()).isEqualTo(Status.WARN);
        assertThat(maven.fix()).contains("apt-get install maven");
    }

    @Test
    void run_mavenThatFails_warnsWithItsFirstLine() throws IOException {
        fakeJdk("25", "javac", "jlink");
        var maven = run("25", Optional.of(MVN), (command, timeout) ->
                new CommandRunner.Output(1, "The JAVA_HOME environment variable is not defined correctly\n")).get(2);
        assertThat(maven.status()).isEqualTo(Status.WARN);
        assertThat(maven.found()).contains("exited with 1").contains("JAVA_HOME");
    }
}
