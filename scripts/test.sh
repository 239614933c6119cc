#!/usr/bin/env bash
# Runs every Berth test: unit tests, Docker integration tests and UI tests under Xvfb.
# Installs and starts what it needs (Maven, Docker, Xvfb, debootstrap, a C compiler) on Debian/Ubuntu.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/lib/jdk.sh"
berth_find_jdk
berth_need_maven

need_pkgs=()
command -v xvfb-run >/dev/null 2>&1 || need_pkgs+=(xvfb xauth)
command -v debootstrap >/dev/null 2>&1 || need_pkgs+=(debootstrap)
# The gpu-inference template's tests build a stand-in libcuda.so.1 with cc.
command -v cc >/dev/null 2>&1 || need_pkgs+=(gcc libc6-dev)
# JavaFX 25 needs GTK 3 (and its GL/X libraries) even under Xvfb.
for lib in libgtk-3-0 libgl1 libxtst6 libxxf86vm1; do
  dpkg-query -W -f='${Status}' "$lib" 2>/dev/null | grep -q 'install ok installed' || need_pkgs+=("$lib")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "berth: installing ${need_pkgs[*]}…" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
fi
"$here/scripts/ensure-docker.sh"

cd "$here"
echo "berth: JAVA_HOME=$JAVA_HOME" >&2
xvfb-run -a -s "-screen 0 1600x1000x24" mvn -B -ntp verify "$@"
# Installer IT: packages the .deb, installs it, runs the CLI and the app from it, purges it (about a minute).
[ "${BERTH_SKIP_INSTALLERS:-}" = 1 ] || bash "$here/scripts/test-installers.sh"
