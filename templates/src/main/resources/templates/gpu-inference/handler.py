#!/usr/bin/env python3
"""The app's function: classify, a handwritten-digit classifier on the GPU when there is one, else the CPU.

Every answer, errors included, says which device ran the model (``device``, and the X-Inference-Device
header), so a replica that silently fell back to the CPU is seen at once.
"""
import os
import sys
import time

import inference
import inputs
import network
from berth_functions import FunctionApp, Response

app = FunctionApp()
backend = None  # chosen by start(), before the server takes requests


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
    except Exception as e:  # a GPU fault mid-run: answer it, with the device that failed
        log("inference failed on %s: %s" % (backend.device, e))
        return _answer({"error": "inference failed: %s" % e}, 500)
    elapsed = (time.perf_counter() - started) * 1000
    log("classified %d image(s) on %s (%s) in %.1f ms" % (batch.rows, backend.device, backend.name, elapsed))
    answer = {"predictions": found, "batch": batch.rows, "elapsedMs": round(elapsed, 2)}
    if batch.sample:
        answer["sample"] = batch.sample
    return _answer(answer, 200)


def _answer(body, status):
    body.update({"device": backend.device, "backend": backend.name})
    return Response.json(body, status, {"X-Inference-Device": backend.device})


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
