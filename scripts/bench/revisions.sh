#!/usr/bin/env bash
# Save → new revision serving (issue 5), one command: `bash scripts/bench/revisions.sh [saves]`.
# With a session running http-python and then http-java, the handler's source is changed on disk N times;
# each sample runs from the write until the ingress answers with the new code. Prints medians.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$here/scripts/lib/jdk.sh"
berth_find_jdk
"$here/scripts/ensure-docker.sh"
"$here/berth" templates >/dev/null   # builds Berth when needed
(cd "$here" && mvn -q -B -pl app -am test-compile -DskipTests >/dev/null)
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "$here/app/target/classes:$here/app/target/lib/*:$here/app/target/test-classes" \
  dev.berth.app.bench.RevisionRolloutBench "${1:-5}" 2>&1 | grep -v '^WARNING'
