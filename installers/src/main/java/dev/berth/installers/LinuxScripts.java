package dev.berth.installers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/// The .deb's maintainer scripts, written into jpackage's --resource-dir. They keep jpackage's
/// placeholders (DESKTOP_COMMANDS_INSTALL … are filled in by jpackage: the desktop entry and icon) and
/// add what jpackage has no option for: `berth` on the PATH as /usr/bin/berth, and the AOT cache
/// trained on the installing machine (see AotCache), which prerm deletes again.
/// Stateless; any thread.
final class LinuxScripts {
    private LinuxScripts() {}

    static void write(Path resourceDir, String launcher, String aotTraining, String aotCache) {
        var link = "/usr/bin/" + Packager.NAME;
        // Which menu folders postinst had to create, so that removing the package removes them again.
        var created = Path.of(aotCache).resolveSibling("created-dirs").toString();
        var postinst = """
                #!/bin/sh
                # postinst for APPLICATION_PACKAGE: desktop entry (jpackage) and the CLI on the PATH.
                set -e
                package_type=deb
                LAUNCHER_AS_SERVICE_SCRIPTS
                case "$1" in
                    configure)
                        # xdg-desktop-menu fails ("No writable system menu directory") where these
                        # folders do not exist yet, as on minimal systems and containers; note the ones made here.
                        : > "%6$s"
                        for dir in /usr/share/applications /usr/share/desktop-directories; do
                            if [ ! -d "$dir" ]; then mkdir -p "$dir"; echo "$dir" >> "%6$s"; fi
                        done
                DESKTOP_COMMANDS_INSTALL
                LAUNCHER_AS_SERVICE_COMMANDS_INSTALL
                        ln -sf "%1$s" "%2$s"
                        # A faster start; without the cache berth only starts slower.
                        rm -f "%3$s" "%4$s.config"
                        %5$s >/dev/null 2>&1 || echo "berth: no start-up cache made; berth works, only starts slower" >&2
                    ;;
                    abort-upgrade|abort-remove|abort-deconfigure) ;;
                    *) echo "postinst called with unknown argument '$1'" >&2; exit 1 ;;
                esac
                exit 0
                """.formatted(launcher, link, aotCache, aotCache, aotTraining, created);
        var prerm = """
                #!/bin/sh
                # prerm for APPLICATION_PACKAGE: removes what postinst added; the link only if it is still ours.
                set -e
                package_type=deb
                COMMON_SCRIPTS
                DESKTOP_SCRIPTS
                LAUNCHER_AS_SERVICE_SCRIPTS
                case "$1" in
                    remove|upgrade|deconfigure)
                        if [ "$(readlink "%2$s" 2>/dev/null)" = "%1$s" ]; then rm -f "%2$s"; fi
                        rm -f "%3$s" "%3$s.config"
                DESKTOP_COMMANDS_UNINSTALL
                LAUNCHER_AS_SERVICE_COMMANDS_UNINSTALL
                        # The menu folders postinst made go too, when nothing else put files there since.
                        if [ -f "%4$s" ]; then
                            while read -r dir; do rmdir "$dir" 2>/dev/null || true; done < "%4$s"
                            rm -f "%4$s"
                        fi
                    ;;
                    failed-upgrade) ;;
                    *) echo "prerm called with unknown argument '$1'" >&2; exit 1 ;;
                esac
                exit 0
                """.formatted(launcher, link, aotCache, created);
        try {
            Files.createDirectories(resourceDir);
            Files.writeString(resourceDir.resolve("postinst"), postinst);
            Files.writeString(resourceDir.resolve("prerm"), prerm);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the deb maintainer scripts into " + resourceDir, e);
        }
    }
}
