package dev.berth.installers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/// Builds the trimmed runtime: the JDK modules the app's jars use (jdeps) plus JavaFX, linked by jlink.
///
/// JavaFX goes INTO the runtime image, not on the class path: linked from Maven Central's modular
/// jars, its modules resolve as system modules (no "unsupported JavaFX configuration" warning, the
/// app stays on the class path). Those jars carry the native libraries as plain resources, which
/// JavaFX would unpack into ~/.openjfx/cache on each user's first start; so they are left out of the
/// module image and copied where NativeLibLoader looks for an image's own libraries instead.
/// Single-threaded.
final class TrimmedRuntime {
    /// Used reflectively or through services, so jdeps cannot see them: jar file systems (templates),
    /// and the modules JavaFX's own module descriptors require are pulled in by jlink itself.
    private static final List<String> ALWAYS = List.of("jdk.zipfs", "javafx.controls", "javafx.swing");
    private static final List<String> NATIVE_SUFFIXES = List.of(".so", ".dll", ".dylib");

    private TrimmedRuntime() {}

    static Path build(Path appJars, Path javafxJars, Path work, HostOs os) {
        var modularFx = jars(javafxJars).stream().filter(TrimmedRuntime::isModular).toList();
        if (modularFx.isEmpty()) throw new IllegalStateException("no JavaFX module jars in " + javafxJars
                + "; the build's dependency step copies them (org.openjfx, classifier of this OS)");
        var modules = new TreeSet<>(ALWAYS);
        modules.addAll(jdkModules(appJars, modularFx));
        var output = work.resolve("runtime");
        deleteTree(output);
        var args = new ArrayList<>(List.of("--module-path", join(modularFx), "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--compress", "zip-6",
                "--exclude-resources", "glob:/javafx.*/*.so,glob:/javafx.*/*.dll,glob:/javafx.*/*.dylib", "--output", output.toString()));
        Tools.run("jlink", args);
        copyNatives(modularFx, output.resolve(os.nativeLibDir()));
        return output;
    }

    /// The JDK modules the app's jars reference (JavaFX's own needs come from its module descriptors).
    private static List<String> jdkModules(Path appJars, List<Path> javafx) {
        var jars = jars(appJars);
        var args = new ArrayList<>(List.of("--multi-release", String.valueOf(Runtime.version().feature()),
                "--ignore-missing-deps", "--print-module-deps", "-q",
                "--module-path", join(javafx), "--class-path", join(jars)));
        jars.forEach(jar -> args.add(jar.toString()));
        var printed = Tools.run("jdeps", args).strip();
        return Arrays.stream(printed.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
    }

    private static void copyNatives(List<Path> javafx, Path libDir) {
        for (var jar : javafx) {
            try (var file = new JarFile(jar.toFile())) {
                for (var entry : file.stream().filter(e -> !e.getName().contains("/") && isNative(e.getName())).toList()) {
                    try (var in = file.getInputStream(entry)) {
                        Files.copy(in, libDir.resolve(entry.getName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("copying JavaFX native libraries from " + jar, e);
            }
        }
    }

    private static boolean isNative(String name) {
        return NATIVE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /// The OS-neutral javafx-*.jar next to each classified one is an empty placeholder without a module-info.
    private static boolean isModular(Path jar) {
        try (var file = new JarFile(jar.toFile())) {
            return file.getEntry("module-info.class") != null;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + jar, e);
        }
    }

    static List<Path> jars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir, e);
        }
    }

    private static String join(List<Path> paths) {
        return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (var path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + dir, e);
        }
    }
}
