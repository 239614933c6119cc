package dev.berth.installers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackagingRulesTest {
    @TempDir Path dir;

    @Test
    void numericVersion_snapshot_dropsTheQualifier() {
        assertThat(Packager.numericVersion("0.1.0-SNAPSHOT")).isEqualTo("0.1.0");
        assertThat(Packager.numericVersion("2.3")).isEqualTo("2.3");
    }

    @Test
    void numericVersion_noNumbers_namesTheVersionInTheError() {
        assertThatThrownBy(() -> Packager.numericVersion("main-SNAPSHOT")).hasMessageContaining("main-SNAPSHOT");
    }

    @Test
    void packageTypes_perOs_rpmOnlyWithRpmbuild() {
        assertThat(HostOs.LINUX.packageTypes(false)).containsExactly("deb");
        assertThat(HostOs.LINUX.packageTypes(true)).containsExactly("deb", "rpm");
        assertThat(HostOs.WINDOWS.packageTypes(true)).containsExactly("msi");
        assertThat(HostOs.MAC.packageTypes(false)).containsExactly("dmg");
    }

    @Test
    void linuxOptions_debOnly_getTheMaintainerScripts() {
        assertThat(HostOs.LINUX.packageOptions("deb", dir)).contains("--linux-shortcut", "--resource-dir");
        assertThat(HostOs.LINUX.packageOptions("rpm", dir)).contains("--linux-shortcut")
                .doesNotContain("--resource-dir", "--linux-deb-maintainer");
    }

    @Test
    void maintainerScripts_linkTheCliAndKeepJpackagesPlaceholders() throws Exception {
        LinuxScripts.write(dir, "/opt/berth/bin/berth", "'train'", "/opt/berth/lib/app/berth.aot");
        var postinst = Files.readString(dir.resolve("postinst"));
        var prerm = Files.readString(dir.resolve("prerm"));
        assertThat(postinst).contains("DESKTOP_COMMANDS_INSTALL", "ln -sf \"/opt/berth/bin/berth\" \"/usr/bin/berth\"",
                "'train' >/dev/null");
        assertThat(prerm).contains("DESKTOP_COMMANDS_UNINSTALL", "rm -f \"/usr/bin/berth\"",
                "rm -f \"/opt/berth/lib/app/berth.aot\"");
    }

    @Test
    void aotCache_configOptionsGoIntoJavaOptions_andTrainingUsesTheLaunchersClassPathOrder() throws Exception {
        var cfg = dir.resolve("berth.cfg");
        Files.write(cfg, List.of("[Application]", "app.classpath=$APPDIR/b.jar", "app.mainclass=dev.berth.app.Main",
                "app.classpath=$APPDIR/a.jar", "", "[JavaOptions]", "java-options=-Xss1m"));
        var training = AotCache.trainingCommand(cfg, "/opt/berth/lib/app", "/opt/berth/lib/runtime");
        AotCache.nameInConfig(cfg);
        assertThat(training).startsWith("'/opt/berth/lib/runtime/bin/java' '-XX:AOTCacheOutput=/opt/berth/lib/app/berth.aot'")
                .contains("'-cp' '/opt/berth/lib/app/b.jar:/opt/berth/lib/app/a.jar' 'dev.berth.app.Main' 'templates'");
        assertThat(Files.readAllLines(cfg)).containsSubsequence("[JavaOptions]",
                "java-options=-XX:AOTCache=$APPDIR/berth.aot", "java-options=-Xlog:aot=off", "java-options=-Xss1m");
    }
}
