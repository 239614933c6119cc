#!/usr/bin/env bash
# Scale from zero to first response for http-python (issue 5): `bash scripts/bench/scale.sh [runs]`.
# Needs Docker. The app runs with minReplicas 0 and the demo settings (poll 1 s, cooldown 3 s); each run
# waits until no replica is left, then times one request through the ingress. Prints each run and the median.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$here/scripts/lib/jdk.sh"
berth_find_jdk
"$here/berth" templates >/dev/null   # builds Berth (and app/target/lib) when needed
(cd "$here" && mvn -q -B -ntp -pl app -am test-compile -DskipTests >/dev/null)
# The modules' fresh classes first, then the packaged dependencies.
cp="$here/app/target/test-classes:$here/app/target/classes:$here/runner/target/classes:$here/templates/target/classes"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp:$here/app/target/lib/*" \
  dev.berth.app.bench.ScaleFromZeroBench "${1:-7}" 2>&1 | grep -v '^WARNING'
# Backlog appears → extra replica Ready (queue-python, polling interval 2 s).
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp:$here/app/target/lib/*" \
  dev.berth.app.bench.BacklogScaleBench "${2:-5}" 2 2>&1 | grep -v '^WARNING'
