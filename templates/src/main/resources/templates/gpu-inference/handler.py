#!/usr/bin/env python3
"""The app's function: classify, a handwritten-digit classifier on the GPU when there is one, else the CPU.

Every answer, errors included, says which device ran the model (``device``, and the X-Inference-Device
header), so a replica that silently fell back to the CPU is seen at once.

When the GPU's context is lost (a kernel fault: the driver fails every later call), the request gets its
500 and then the process exits with 1, so that Berth's supervisor or Azure starts a fresh replica; a
replica that kept answering /healthz with a dead GPU would only fail requests.
"""
import os
import sys
import threading
import time

import inference
import inputs
import network
from berth_functions import FunctionApp, Response

app = FunctionApp()
backend = None  # chosen by start(), before the server takes requests
_EXIT_GRACE_S = 5.0  # how long an answer on a kept-alive connection gets to leave before the process exits
_exit_claimed = threading.Lock()  # taken by the first request that finds the GPU lost


@app.function("classify")
def classify(req, log):
    started = time.perf_counter()
    try:
        batch = inputs.from_body(req.body) if req.method == "POST" else inputs.from_query(req.query)
    except inputs.BadInput as e:
        log("bad request: %s" % e)
        return _answer({"error": str(e)}, 400)
    try:
        found = network.predictions(backend.scores(batch.pixels, batch.rows))
    except inference.DeviceLost as e:
        log("inference failed on %s: %s" % (backend.device, e))
        _exit_after_answer(log)
        return _answer({"error": "inference failed: %s; this replica restarts" % e}, 500, {"Connection": "close"})
    except Exception as e:  # out of GPU memory for this batch, say: answer it, with the device that failed
        log("inference failed on %s: %s" % (backend.device, e))
        return _answer({"error": "inference failed: %s" % e}, 500)
    elapsed = (time.perf_counter() - started) * 1000
    log("classified %d image(s) on %s (%s) in %.1f ms" % (batch.rows, backend.device, backend.name, elapsed))
    answer = {"predictions": found, "batch": batch.rows, "elapsedMs": round(elapsed, 2)}
    if batch.sample:
        answer["sample"] = batch.sample
    return _answer(answer, 200)


def _answer(body, status, headers=None):
    body.update({"device": backend.device, "backend": backend.name})
    headers = dict(headers or {})
    headers["X-Inference-Device"] = backend.device
    return Response.json(body, status, headers)


def _exit_after_answer(log):
    """Exits the process with 1 once this request's answer has been sent. The answer says "Connection: close",
    so the server ends the request's thread right after writing it; a connection that stays open (the
    Functions host's invocation protocol) gets _EXIT_GRACE_S."""
    if not _exit_claimed.acquire(blocking=False):
        return  # another request already ends the process
    log("the CUDA context on %s is unusable; exiting after this answer so that the replica restarts"
        % backend.device)
    request_thread = threading.current_thread()

    def exit_when_answered():
        request_thread.join(_EXIT_GRACE_S)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(1)  # from a thread, and without waiting for the server's other threads

    threading.Thread(target=exit_when_answered, name="exit-after-answer", daemon=True).start()


def start():
    global backend
    try:
        backend = inference.select_backend(os.environ.get(inference.SETTING), network.load_layers())
    except inference.StartupError as e:
        print("gpu-inference: cannot start: %s" % e, file=sys.stderr, flush=True)
        sys.exit(1)


if __name__ == "__main__":
    start()
    app.run()
