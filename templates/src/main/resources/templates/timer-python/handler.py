#!/usr/bin/env python3
"""The app's functions. Each folder with a function.json names one; berth_functions serves them."""
from berth_functions import FunctionApp

app = FunctionApp()


@app.function("tick")
def tick(timer, ctx):
    ctx.log("tick; past due: %s" % ("yes" if timer["IsPastDue"] else "no"))


if __name__ == "__main__":
    app.run()
