#!/usr/bin/env bash
# Berth's figures, one command: `bash scripts/bench.sh`.
#  1. replica start → Ready (image already built), http-python and http-java, median of N starts;
#  2. warm requests through the ingress vs straight to the replica's published port, at 1 and 32
#     connections (wrk, a second process on loopback): p50 latency and throughput;
#  3. app start to first window (Xvfb), median of BENCH_APP_STARTS;
#  4. a log view holding 100k lines: heap after GC and FX-thread time per 1k-line batch;
#  5. the durable backend: fan-out/fan-in of 1,000 activities, 100 sequential steps (scripts/bench/durable.sh);
#  6. scale from zero, backlog to an extra replica, save to a new revision (scripts/bench/{scale,revisions}.sh);
#  7. the gpu-inference template: batch-1 latency and batch-256 throughput on the device it gets (scripts/bench/inference.sh).
# Results go to stdout and target/bench/results.txt. Bounded: every load run lasts BENCH_SECONDS.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/lib/jdk.sh"
berth_find_jdk
"$here/scripts/ensure-docker.sh"
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
seconds=${BENCH_SECONDS:-10}
starts=${BENCH_STARTS:-10}
out="$here/target/bench"; mkdir -p "$out"
work=$(mktemp -d); trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
pid=0

"$here/berth" templates >/dev/null   # builds Berth when needed
cp="$here/app/target/classes:$here/app/target/lib/*:$here/app/target/test-classes"
(cd "$here" && mvn -q -B -pl app -am test-compile -DskipTests >/dev/null)

echo "== replica start to Ready (median of $starts, image built)" | tee "$out/results.txt"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp" dev.berth.app.bench.ReplicaStartBench "$starts" \
  | tee -a "$out/results.txt"

echo "== triggers (queue-python, blob-python; medians of ${BENCH_TRIGGER_SAMPLES:-50})" | tee -a "$out/results.txt"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp" dev.berth.app.bench.TriggerBench \
  "${BENCH_TRIGGER_SAMPLES:-50}" "${BENCH_TRIGGER_BURST:-2000}" | tee -a "$out/results.txt"

echo "== ingress overhead (wrk, ${seconds}s per run)" | tee -a "$out/results.txt"
"$here/berth" new http-python "$work/app" >/dev/null
"$here/berth" run "$work/app" --port 0 >"$work/run.log" 2>&1 & pid=$!
for _ in $(seq 1 600); do grep -q '^Serving ' "$work/run.log" && grep -q ' READY' "$work/run.log" && break; sleep 0.2; done
ingress=$(grep -o 'Serving http://[0-9.:]*' "$work/run.log" | head -1 | cut -d' ' -f2)
port=$(curl -s "$ingress/admin/berth/replicas" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["hostPort"])')
direct="http://127.0.0.1:$port"
for c in 1 32; do
  for target in direct ingress; do
    if [ $target = direct ]; then url="$direct/hello"; script=(-s "$here/scripts/bench/direct-invoke.lua")
    else url="$ingress/api/hello/Ada"; script=(); fi
    wrk -t$([ $c = 1 ] && echo 1 || echo 2) -c$c -d${seconds}s --latency "${script[@]}" "$url" >"$work/wrk-$target-$c.txt"
    p50=$(awk '/^ +50%/{print $2}' "$work/wrk-$target-$c.txt")
    rps=$(awk '/^Requests\/sec/{print $2}' "$work/wrk-$target-$c.txt")
    printf '%-8s c=%-3s p50=%-10s req/s=%s\n' "$target" "$c" "$p50" "$rps" | tee -a "$out/results.txt"
  done
done
kill -TERM $pid; wait $pid || true

echo "== app start to first window (Xvfb)" | tee -a "$out/results.txt"
command -v xwininfo >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq x11-utils >/dev/null; }
bash "$here/scripts/bench/app-start.sh" "${BENCH_APP_STARTS:-5}" | tail -1 | tee -a "$out/results.txt"

echo "== log view holding 100k lines (heap after GC, FX time per 1k-line batch)" | tee -a "$out/results.txt"
(cd "$here" && mvn -q -B -ntp -pl visualizer test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null)
xvfb-run -a "$JAVA_HOME/bin/java" -cp "$here/visualizer/target/test-classes:$here/visualizer/target/classes:$(cat "$here/visualizer/target/cp.txt")" \
  dev.berth.visualizer.bench.LogViewMemoryBench | tee -a "$out/results.txt"
echo "== orchestration timeline holding a 50k-event history (FX time per scroll / zoom frame)" | tee -a "$out/results.txt"
xvfb-run -a "$JAVA_HOME/bin/java" -cp "$here/visualizer/target/test-classes:$here/visualizer/target/classes:$(cat "$here/visualizer/target/cp.txt")" \
  dev.berth.visualizer.durable.TimelineScrollBench | tee -a "$out/results.txt"

echo "== durable backend (real Java SDK worker, medians)" | tee -a "$out/results.txt"
bash "$here/scripts/bench/durable.sh" "${BENCH_DURABLE_RUNS:-7}" | tee -a "$out/results.txt"
echo "== scaling (scale from zero; backlog to extra replica) and revisions (save to new revision serving)" | tee -a "$out/results.txt"
bash "$here/scripts/bench/scale.sh" "${BENCH_SCALE_RUNS:-7}" | tee -a "$out/results.txt"
bash "$here/scripts/bench/revisions.sh" | tee -a "$out/results.txt"
echo "== gpu-inference template (handler as a host process; latency of 1 image, throughput in batches of 256)" | tee -a "$out/results.txt"
bash "$here/scripts/bench/inference.sh" | tee -a "$out/results.txt"
echo "results: $out/results.txt"
