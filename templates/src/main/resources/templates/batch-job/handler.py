#!/usr/bin/env python3
"""The app's HTTP function; the jobs in jobs/*.yaml run batch.py and report.py from the same image."""
import os

from berth_functions import FunctionApp

app = FunctionApp()


@app.function("status")
def status(req, log):
    log("status asked")
    return "The app is up. Jobs: nightly-report (Schedule), process-batch (Manual). " \
           "Start one with `berth job start . process-batch`."


if __name__ == "__main__":
    app.run()
