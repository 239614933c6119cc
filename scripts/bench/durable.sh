#!/usr/bin/env bash
# Durable backend figures (issue 4), one command: `bash scripts/bench/durable.sh [runs]`.
# The real Durable Task SDK for Java (worker and client, in one JVM) against Berth's backend over gRPC on
# loopback, history in SQLite on disk. No Docker needed. Prints medians; see DurableBench.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$here/scripts/lib/jdk.sh"
berth_find_jdk
(cd "$here" && mvn -q -B -ntp -pl runner test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null)
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Djava.util.logging.config.file=/dev/null \
  -cp "$here/runner/target/test-classes:$here/runner/target/classes:$(cat "$here/runner/target/cp.txt")" \
  dev.berth.runner.durable.DurableBench "${1:-7}" 2>&1 | grep -v '^WARNING'
