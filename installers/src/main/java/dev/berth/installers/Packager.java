package dev.berth.installers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Builds Berth's app image and the native package(s) of the build OS with jlink and jpackage.
/// Run by the installers module (`mvn -Pinstallers -pl installers -am package -DskipTests`) with
/// `--input DIR --main-jar JAR --javafx DIR --work DIR --dest DIR --version V`. Single-threaded.
public final class Packager {
    static final String NAME = "berth";
    static final String MAIN_CLASS = "dev.berth.app.Main";
    /// On Linux the app lands in /opt/berth; the launcher is /opt/berth/bin/berth.
    static final String LINUX_INSTALL_PARENT = "/opt";
    /// As ./berth starts the JVM; javafx.graphics loads native code from the runtime image's module.
    static final List<String> JAVA_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED,javafx.graphics",
            "-XX:+UseZGC", "-Xss1m");

    private Packager() {}

    record Options(Path input, String mainJar, Path javafx, Path work, Path dest, String version) {
        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) values.put(args[i], args[i + 1]);
            for (var key : List.of("--input", "--main-jar", "--javafx", "--work", "--dest", "--version")) {
                if (!values.containsKey(key)) throw new IllegalArgumentException("Packager: missing " + key
                        + " (installers/pom.xml passes it to the exec plugin)");
            }
            return new Options(Path.of(values.get("--input")), values.get("--main-jar"), Path.of(values.get("--javafx")),
                    Path.of(values.get("--work")), Path.of(values.get("--dest")), values.get("--version"));
        }
    }

    public static void main(String[] args) throws IOException {
        var options = Options.parse(args);
        var os = HostOs.current();
        Files.createDirectories(options.work());
        TrimmedRuntime.deleteTree(options.dest());
        var version = os.appVersion(numericVersion(options.version()));
        var icon = options.work().resolve(NAME + "." + os.iconExtension());
        Files.write(icon, Icon.forOs(os));
        var runtime = TrimmedRuntime.build(options.input(), options.javafx(), options.work(), os);

        var image = new ArrayList<>(common(options, version, icon));
        image.addAll(List.of("--type", "app-image", "--input", options.input().toString(),
                "--main-jar", options.mainJar(), "--main-class", MAIN_CLASS, "--runtime-image", runtime.toString()));
        JAVA_OPTIONS.forEach(o -> image.addAll(List.of("--java-options", o)));
        image.addAll(os.imageOptions());
        Tools.run("jpackage", image);
        var appImage = options.dest().resolve(os == HostOs.MAC ? NAME + ".app" : NAME);

        var resources = options.work().resolve("resources");
        if (os == HostOs.LINUX) {
            var installed = LINUX_INSTALL_PARENT + "/" + NAME;
            var cfg = os.appDir(appImage).resolve(NAME + ".cfg");
            var training = AotCache.trainingCommand(cfg, installed + "/lib/app", installed + "/lib/runtime");
            AotCache.nameInConfig(cfg);
            LinuxScripts.write(resources, installed + "/bin/" + NAME, training, installed + "/lib/app/" + AotCache.FILE);
        }
        for (var type : os.packageTypes(HostOs.onPath("rpmbuild"))) {
            var pkg = new ArrayList<>(common(options, version, icon));
            pkg.addAll(List.of("--type", type, "--app-image", appImage.toString()));
            pkg.addAll(os.packageOptions(type, resources));
            Tools.run("jpackage", pkg);
        }
        try (var made = Files.list(options.dest())) {
            made.forEach(p -> System.out.println("installers: built " + p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> common(Options options, String version, Path icon) {
        return List.of("--name", NAME, "--app-version", version, "--vendor", "Berth",
                "--description", "Local workbench for serverless function apps in real containers",
                "--icon", icon.toString(), "--dest", options.dest().toString());
    }

    /// jpackage accepts only dotted numbers: 0.1.0-SNAPSHOT becomes 0.1.0.
    static String numericVersion(String version) {
        var numeric = version.replaceFirst("[-+].*$", "");
        if (!numeric.matches("\\d+(\\.\\d+){0,3}")) throw new IllegalArgumentException(
                "the project version " + version + " has no numeric part jpackage accepts (e.g. 1.2.3)");
        return numeric;
    }
}
