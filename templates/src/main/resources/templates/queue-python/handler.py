#!/usr/bin/env python3
"""The app's functions. Each folder with a function.json names one; berth_functions serves them."""
import json

from berth_functions import FunctionApp

app = FunctionApp()


@app.function("process")
def process(order, ctx):
    total = sum(line["price"] * line["quantity"] for line in order["lines"])
    ctx.log("order %s: total %.2f (attempt %s)" % (order["id"], total, ctx.metadata.get("DequeueCount")))
    ctx.outputs["receipt"] = json.dumps({"order": order["id"], "total": total})


if __name__ == "__main__":
    app.run()
