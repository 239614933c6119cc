#!/usr/bin/env bash
# App start to first window: launches the JVM exactly as ./berth does (classes already built) on an
# Xvfb display, and polls the X server every 10 ms until a window titled "Berth…" is mapped.
# Prints one line per run and the median. Usage: app-start.sh RUNS (sourced JAVA_HOME required).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=${1:-10}
display=:97
Xvfb $display -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do xwininfo -display $display -root >/dev/null 2>&1 && break; sleep 0.05; done
home=$(mktemp -d)
samples=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  DISPLAY=$display XDG_CONFIG_HOME="$home" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:+UseZGC -Xss1m ${BENCH_JVM_OPTS:-} \
    -cp "$here/app/target/classes:$here/app/target/lib/*" dev.berth.app.Main >/dev/null 2>&1 & app=$!
  until xwininfo -display $display -root -tree 2>/dev/null | grep -q '"Berth'; do
    sleep 0.01
    if ! kill -0 $app 2>/dev/null; then echo "the app exited before showing a window" >&2; exit 1; fi
  done
  end=$(date +%s%N)
  kill $app; wait $app 2>/dev/null || true
  ms=$(( (end - start) / 1000000 )); samples+=("$ms"); echo "  run $i: ${ms} ms"
done
median=$(printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "app start → first window: median ${median} ms (n=$runs)"
