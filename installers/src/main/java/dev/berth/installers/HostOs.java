package dev.berth.installers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// What differs per build OS: the package types jpackage can make there, where JavaFX's native
/// libraries go in a runtime image, the icon format, and the OS-specific jpackage options.
/// Immutable; any thread.
enum HostOs {
    LINUX, WINDOWS, MAC;

    static HostOs current() {
        var name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) return WINDOWS;
        if (name.startsWith("mac")) return MAC;
        return LINUX;
    }

    /// Native package types for this OS; `.rpm` only where `rpmbuild` is on the PATH (jpackage needs it).
    List<String> packageTypes(boolean rpmbuildPresent) {
        return switch (this) {
            case LINUX -> rpmbuildPresent ? List.of("deb", "rpm") : List.of("deb");
            case WINDOWS -> List.of("msi");
            case MAC -> List.of("dmg");
        };
    }

    /// JavaFX's NativeLibLoader looks next to the runtime's own libraries when its classes come from
    /// a runtime image (a `jrt:` URL): `bin` on Windows, `lib` elsewhere.
    String nativeLibDir() {
        return this == WINDOWS ? "bin" : "lib";
    }

    /// jpackage takes PNG on Linux, ICO on Windows and ICNS on macOS.
    String iconExtension() {
        return switch (this) {
            case LINUX -> "png";
            case WINDOWS -> "ico";
            case MAC -> "icns";
        };
    }

    /// Options for the installer of this OS (not the app image).
    List<String> packageOptions(String type, Path resourceDir) {
        var options = new ArrayList<String>();
        switch (this) {
            case LINUX -> {
                options.addAll(List.of("--install-dir", Packager.LINUX_INSTALL_PARENT,
                        "--linux-package-name", Packager.NAME, "--linux-shortcut",
                        "--linux-menu-group", "Development", "--linux-app-category", "devel"));
                // The deb's maintainer scripts (resourceDir) also link /usr/bin/berth; see LinuxScripts.
                if (type.equals("deb")) options.addAll(List.of("--linux-deb-maintainer", "berth@berth.dev",
                        "--resource-dir", resourceDir.toString()));
            }
            case WINDOWS -> options.addAll(List.of("--win-menu", "--win-menu-group", "Berth", "--win-shortcut",
                    "--win-dir-chooser", "--win-upgrade-uuid", "5b8e0f2c-3f4e-4c55-9a41-6c1f0d1e2b7a"));
            case MAC -> { }
        }
        return options;
    }

    /// jpackage on macOS refuses a bundle version whose first number is 0 (CFBundleVersion rule it
    /// still enforces), so a 0.x.y Berth is packaged there as 1.x.y, and the build says so.
    String appVersion(String numeric) {
        if (this != MAC || !numeric.startsWith("0.")) return numeric;
        var bundle = "1" + numeric.substring(1);
        System.err.println("installers: WARNING macOS bundle version " + bundle + " for Berth " + numeric
                + " (jpackage rejects a first number of 0 on macOS)");
        return bundle;
    }

    /// Options for the app image (the launcher itself).
    List<String> imageOptions() {
        return switch (this) {
            // A console launcher, so `berth templates` prints in cmd/PowerShell; the desktop app shows a console too.
            case WINDOWS -> List.of("--win-console");
            case MAC -> List.of("--mac-package-identifier", "dev.berth.app", "--mac-package-name", "Berth");
            case LINUX -> List.of();
        };
    }

    /// The image's app folder ($APPDIR): the jars and the launcher's .cfg.
    Path appDir(Path image) {
        return switch (this) {
            case LINUX -> image.resolve("lib").resolve("app");
            case WINDOWS -> image.resolve("app");
            case MAC -> image.resolve("Contents").resolve("app");
        };
    }

    static boolean onPath(String command) {
        var path = System.getenv("PATH");
        if (path == null) return false;
        for (var dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }
}
