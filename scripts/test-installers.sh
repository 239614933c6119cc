#!/usr/bin/env bash
# Installer integration test (Debian/Ubuntu, as root): builds the .deb with the one packaging command,
# installs it, runs the `berth` CLI from the PATH, opens the installed desktop app under Xvfb and takes a
# screenshot of it, then purges the package and checks that nothing of it is left.
# Usage: scripts/test-installers.sh [--no-build]   Screenshot: installers/target/installed-app.png
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/lib/jdk.sh"
berth_find_jdk

step() { printf '\n== installers IT: %s\n' "$*" >&2; }
fail() { printf 'installers IT FAILED: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root (it installs and removes the berth package)"
command -v apt-get >/dev/null 2>&1 || fail "needs a Debian/Ubuntu system (apt-get, dpkg)"

need=()
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb xauth)
command -v xwininfo >/dev/null 2>&1 || need+=(x11-utils)
command -v xdotool >/dev/null 2>&1 || need+=(xdotool)
command -v import >/dev/null 2>&1 || need+=(imagemagick)
command -v fakeroot >/dev/null 2>&1 || need+=(fakeroot)
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

target="$here/installers/target"
if [ "${1:-}" != "--no-build" ]; then
  # The documented command (README: -DskipTests), plus the installers module's own unit tests.
  step "packaging: mvn -Pinstallers -pl installers -am package (+ the installers unit tests)"
  (cd "$here" && mvn -B -ntp -q -Pinstallers -pl installers -am package -DskipITs \
    -Dtest='dev.berth.installers.*Test' -Dsurefire.failIfNoSpecifiedTests=false)
fi
deb=$(ls "$target"/installers/berth_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no berth_*.deb in $target/installers; the packaging step did not make one"
echo "package: $deb ($(du -h "$deb" | cut -f1))"

if dpkg-query -W berth >/dev/null 2>&1; then step "removing an earlier berth package"; dpkg --purge berth >/dev/null; fi

# Menu folders that did not exist before must not exist after the purge either.
absent_before=()
for dir in /usr/share/applications /usr/share/desktop-directories; do [ -d "$dir" ] || absent_before+=("$dir"); done
step "installing $deb (apt-get resolves its GTK/X11 dependencies; dpkg does the install)"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null || fail "the package did not install"
echo "installed size: $(dpkg-query -W -f='${Installed-Size}' berth) KiB"

step "the CLI on the PATH"
[ "$(command -v berth)" = /usr/bin/berth ] || fail "berth is not /usr/bin/berth on the PATH (got '$(command -v berth || true)')"
[ "$(readlink -f /usr/bin/berth)" = /opt/berth/bin/berth ] || fail "/usr/bin/berth does not lead to /opt/berth/bin/berth"
version=$(berth --version) || fail "berth --version exited non-zero"
echo "berth --version: $version"
[[ "$version" == berth\ * ]] || fail "berth --version printed '$version', expected 'berth <version>'"
templates=$(berth templates) || fail "berth templates exited non-zero"
grep -q '^http-python ' <<<"$templates" || fail "berth templates does not list http-python:
$templates"
echo "berth templates: $(wc -l <<<"$templates") templates"
[ -f /opt/berth/lib/app/berth.aot ] || fail "postinst made no start-up cache /opt/berth/lib/app/berth.aot"
echo "start-up cache: $(du -h /opt/berth/lib/app/berth.aot | cut -f1)"

step "desktop entry and icon"
entry=/usr/share/applications/berth-berth.desktop
[ -f "$entry" ] || fail "no desktop entry at $entry"
grep -q '^Exec=/opt/berth/bin/berth' "$entry" || fail "$entry does not start /opt/berth/bin/berth: $(grep ^Exec "$entry")"
icon=$(sed -n 's/^Icon=//p' "$entry")
[ -f "$icon" ] || fail "the desktop entry's icon '$icon' does not exist"
echo "$entry → Exec=$(sed -n 's/^Exec=//p' "$entry"), Icon=$icon"

step "the installed app opens its window under Xvfb"
shot="$target/installed-app.png"
rm -f "$shot"
export BERTH_IT_SHOT="$shot"
# The app runs as the desktop entry starts it; a throwaway config dir keeps the user's settings untouched.
xvfb-run -a -s "-screen 0 1600x1000x24" bash -euo pipefail -c '
  config=$(mktemp -d)
  start=$(date +%s%N)
  XDG_CONFIG_HOME="$config" /opt/berth/bin/berth >"$config/app.log" 2>&1 & app=$!
  trap "kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf \"$config\"" EXIT
  until xdotool search --onlyvisible --name "^Berth" >/dev/null 2>&1; do
    if ! kill -0 $app 2>/dev/null; then echo "the app exited before showing a window:" >&2; cat "$config/app.log" >&2; exit 1; fi
    if [ $(( ($(date +%s%N) - start) / 1000000000 )) -ge 60 ]; then echo "no Berth window after 60 s:" >&2; cat "$config/app.log" >&2; exit 1; fi
    sleep 0.01
  done
  echo "start to window: $(( ($(date +%s%N) - start) / 1000000 )) ms"
  window=$(xdotool search --onlyvisible --name "^Berth" | head -1)
  xwininfo -id "$window" | grep -E "xwininfo:|Width|Height"
  sleep 2   # let the first frame with content paint before the screenshot
  import -window root "$BERTH_IT_SHOT"
' || fail "the installed app did not open a window"
[ -s "$shot" ] || fail "no screenshot at $shot"
echo "screenshot: $shot"

step "purge and check nothing is left"
dpkg --purge berth >/dev/null || fail "dpkg --purge berth failed"
left=()
for path in /opt/berth /usr/bin/berth "$entry"; do [ -e "$path" ] || [ -L "$path" ] && left+=("$path"); done
while IFS= read -r found; do left+=("$found"); done < <(find /usr/share/applications /usr/share/icons /usr/share/desktop-directories \
  /etc/xdg/menus /usr/local/share/applications -iname '*berth*' 2>/dev/null)
dpkg-query -W berth >/dev/null 2>&1 && left+=("dpkg still knows the package")
for dir in "${absent_before[@]}"; do [ -d "$dir" ] && left+=("$dir (made by the install)"); done
[ ${#left[@]} -eq 0 ] || fail "left behind after purge: ${left[*]}"
echo "nothing left: /opt/berth, /usr/bin/berth and the desktop entry are gone"
step "passed"
