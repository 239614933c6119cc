#!/usr/bin/env python3
"""The app's functions. Each folder with a function.json names one; berth_functions serves them."""
import json

from berth_functions import FunctionApp, Response

app = FunctionApp()


@app.function("orders")
def orders(req, ctx):
    """POST /api/orders: checks the order and queues it."""
    try:
        order = req.json()
    except ValueError:
        order = None
    if not isinstance(order, dict) or "id" not in order or not order.get("lines"):
        return Response('send {"id": "42", "lines": [{"sku": "tea", "price": 3.5, "quantity": 2}]}', 400)
    ctx.outputs["order"] = order
    ctx.log("order %s queued" % order["id"])
    return Response.json({"queued": order["id"]}, 202)


@app.function("process")
def process(order, ctx):
    """Each queued order: totals it and writes a receipt blob (which raises BlobCreated)."""
    total = sum(line["price"] * line["quantity"] for line in order["lines"])
    ctx.outputs["receipt"] = json.dumps({"order": order["id"], "total": total})
    ctx.log("order %s: total %.2f" % (order["id"], total))


@app.function("notify")
def notify(event, ctx):
    """Each new receipt (Event Grid subscription in eventgrid.yaml)."""
    ctx.log("receipt %s (%s bytes)" % (event["subject"].rsplit("/", 1)[-1], event["data"].get("contentLength")))


if __name__ == "__main__":
    app.run()
