#!/usr/bin/env bash
# gpu-inference template figures (issue 6): `bash scripts/bench/inference.sh [batch-1 requests] [batch-256 requests]`.
# Serves the template's handler as a host process straight from the template resources (no Docker, no
# build) and calls POST /api/classify over keep-alive HTTP on loopback: the median latency of one image,
# and images per second in batches of 256 (request time included: JSON parse, checks, inference).
# It runs on whatever device the handler picks (BERTH_INFERENCE_DEVICE, default auto: the GPU when this
# machine's libcuda.so.1 works) and prints it. BENCH_INFERENCE_PYTHON picks the interpreter; the default
# "python3 -S" hides site-packages, so the CPU path is the image's stdlib-only one, not numpy.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
templates="$here/templates/src/main/resources/templates"
work=$(mktemp -d); pid=0
trap 'if [ $pid != 0 ]; then kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; fi; rm -rf "$work"' EXIT
cp -r "$templates/gpu-inference/." "$work/"
cp "$templates/_shared/python/berth_functions.py" "$work/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
read -r -a python <<<"${BENCH_INFERENCE_PYTHON:-python3 -S}"
(cd "$work" && FUNCTIONS_CUSTOMHANDLER_PORT=$port exec "${python[@]}" -u handler.py >"$work/handler.log" 2>&1) & pid=$!
for _ in $(seq 1 150); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { cat "$work/handler.log"; exit 1; }
  sleep 0.2
done
grep -m1 '^inference on ' "$work/handler.log" || true
cd "$work" && python3 - "$port" "${1:-200}" "${2:-20}" <<'EOF'
import http.client, json, statistics, sys, time
import digits

port, single_runs, batch_runs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
connection = http.client.HTTPConnection("127.0.0.1", port)

def classify(body):
    started = time.perf_counter()
    connection.request("POST", "/api/classify", body, {"Content-Type": "application/json"})
    answer = json.loads(connection.getresponse().read())
    if "predictions" not in answer:
        sys.exit("the handler refused the request: %s" % answer)
    return time.perf_counter() - started, answer

def body(count, seed):
    return json.dumps({"images": [[round(v, 4) for v in image] for image, _ in digits.samples(count, seed)]})

one, batch = body(1, 11), body(256, 12)
for _ in range(5):
    classify(one)  # warm-up: the first calls pay for imports, GPU buffers and caches
latencies = [classify(one)[0] for _ in range(single_runs)]
classify(batch)
batch_times, answer = [], None
for _ in range(batch_runs):
    seconds, answer = classify(batch)
    batch_times.append(seconds)
print("device: %s (backend %s)" % (answer["device"], answer["backend"]))
print("batch 1:   median %.2f ms over %d requests (server-side elapsedMs of the last: %s)"
      % (statistics.median(latencies) * 1000, single_runs, classify(one)[1]["elapsedMs"]))
print("batch 256: %.0f images/s (median request %.1f ms over %d requests; server-side elapsedMs of the last: %s)"
      % (256 / statistics.median(batch_times), statistics.median(batch_times) * 1000, batch_runs,
         answer["elapsedMs"]))
EOF
