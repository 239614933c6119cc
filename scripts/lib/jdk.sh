# Sourced by Berth's scripts: sets JAVA_HOME to a JDK 25 or explains how to get one.
# Order: $JAVA_HOME, then `java` on the PATH, then the usual install folders.

_berth_is_jdk25() { [ -x "$1/bin/javac" ] && "$1/bin/java" -version 2>&1 | grep -qE 'version "25([".])'; }

berth_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && _berth_is_jdk25 "$JAVA_HOME"; then return 0; fi
  if command -v java >/dev/null 2>&1; then
    local home; home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if _berth_is_jdk25 "$home"; then export JAVA_HOME="$home"; return 0; fi
  fi
  local candidate
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/temurin-25* /opt/java/*25* /opt/jdk-25* \
      "$HOME"/.sdkman/candidates/java/25* "$HOME"/.jdks/*25* \
      /Library/Java/JavaVirtualMachines/*25*/Contents/Home; do
    if [ -d "$candidate" ] && _berth_is_jdk25 "$candidate"; then export JAVA_HOME="$candidate"; return 0; fi
  done
  cat >&2 <<'MSG'
berth: no JDK 25 found (looked at $JAVA_HOME, java on the PATH, /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks).
       Install one, e.g. Eclipse Temurin 25 (https://adoptium.net, or `sdk install java 25-tem`),
       then set JAVA_HOME to it and run this again.
MSG
  return 1
}

berth_need_maven() {
  command -v mvn >/dev/null 2>&1 && return 0
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "berth: installing maven (Debian package)…" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >/dev/null && return 0
  fi
  echo "berth: Apache Maven is needed to build Berth: install it (apt-get install maven, brew install maven)." >&2
  return 1
}
