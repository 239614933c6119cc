#!/usr/bin/env python3
"""The app's functions. Each folder with a function.json names one; berth_functions serves them."""
from berth_functions import FunctionApp

app = FunctionApp()


@app.function("log_event")
def log_event(event, ctx):
    ctx.log("%s on %s" % (event["eventType"], event["subject"]))


if __name__ == "__main__":
    app.run()
