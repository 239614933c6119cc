#!/usr/bin/env python3
"""The app's functions. Each folder with a function.json names one; berth_functions serves them."""
from berth_functions import FunctionApp

app = FunctionApp()


@app.function("uploaded")
def uploaded(content, ctx):
    name, size = ctx.metadata["name"], len(content.encode("utf-8"))
    ctx.log("image %s: %d bytes" % (name, size))
    ctx.outputs["thumbnail"] = {"image": name, "bytes": size}


if __name__ == "__main__":
    app.run()
