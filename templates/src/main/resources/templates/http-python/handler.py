#!/usr/bin/env python3
"""The app's functions. Each folder with a function.json names one; berth_functions serves them."""
import os

from berth_functions import FunctionApp

app = FunctionApp()


@app.function("hello")
def hello(req, log):
    name = req.params.get("name") or req.query.get("name") or "world"
    log("greeting " + name)
    return os.environ.get("GREETING", "Hello") + ", " + name + "!"


if __name__ == "__main__":
    app.run()
