"""The digit classifier: its shipped weights, the CPU ways to run it, and turning scores into answers.

A backend has ``name`` ("python", "numpy", "cuda-driver-ptx"), ``device`` ("cpu" or "cuda:0 <GPU name>")
and ``scores(pixels, rows)``: ``pixels`` is an ``array('f')`` of ``rows`` x 256 values, the answer a flat list
of ``rows`` x 10 scores. Backends are built once at start and called from the server's request threads.
"""

import json
import math
import os
import sys
from array import array
from operator import mul

MODEL_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "model")


class Layer:
    """One dense layer: ``weights`` is inputs x outputs row-major, ``relu`` says whether negatives become 0."""

    def __init__(self, inputs, outputs, relu, weights, bias):
        self.inputs, self.outputs, self.relu = inputs, outputs, relu
        self.weights, self.bias = weights, bias


def load_layers(folder=MODEL_FOLDER):
    """The layers described by ``weights.json``, with their float32 values read from ``weights.bin``."""
    with open(os.path.join(folder, "weights.json"), encoding="utf-8") as f:
        header = json.load(f)
    with open(os.path.join(folder, header["file"]), "rb") as f:
        blob = f.read()
    if len(blob) != header["bytes"]:
        raise ValueError("%s has %d bytes but weights.json says %d; run model/train.py again to write both"
                         % (header["file"], len(blob), header["bytes"]))
    layers = []
    for spec in header["layers"]:
        n_in, n_out = spec["inputs"], spec["outputs"]
        weights = _floats(blob, spec["weightsOffset"], n_in * n_out)
        bias = _floats(blob, spec["biasOffset"], n_out)
        layers.append(Layer(n_in, n_out, spec["activation"] == "relu", weights, bias))
    return layers


def _floats(blob, offset, count):
    values = array("f")
    values.frombytes(blob[offset:offset + 4 * count])
    if sys.byteorder == "big":
        values.byteswap()  # the file is little-endian
    return values


class PythonBackend:
    """Standard library only: what the slim and the offline images run on the CPU."""
    name, device = "python", "cpu"

    def __init__(self, layers):
        # Each output's weights as one list (a column of the matrix), so a dot product is one sum(map(...)).
        self.layers = [(layer.relu, list(layer.bias),
                        [list(layer.weights[col::layer.outputs]) for col in range(layer.outputs)])
                       for layer in layers]
        self.inputs = layers[0].inputs

    def scores(self, pixels, rows):
        answer = []
        for row in range(rows):
            values = pixels[row * self.inputs:(row + 1) * self.inputs]
            for relu, bias, columns in self.layers:
                values = [b + sum(map(mul, values, column)) for b, column in zip(bias, columns)]
                if relu:
                    values = [v if v > 0.0 else 0.0 for v in values]
            answer.extend(values)
        return answer


class NumpyBackend:
    """Used on the CPU when numpy happens to be installed (the image does not install it)."""
    name, device = "numpy", "cpu"

    def __init__(self, layers, numpy):
        self.np = numpy
        self.layers = [(layer.relu, numpy.frombuffer(layer.weights, numpy.float32).reshape(layer.inputs, layer.outputs),
                        numpy.frombuffer(layer.bias, numpy.float32)) for layer in layers]
        self.inputs = layers[0].inputs

    def scores(self, pixels, rows):
        values = self.np.frombuffer(pixels, self.np.float32).reshape(rows, self.inputs)
        for relu, weights, bias in self.layers:
            values = values @ weights + bias
            if relu:
                values = self.np.maximum(values, 0)
        return values.ravel().tolist()


def cpu_backend(layers):
    """numpy when it can be imported, else plain Python."""
    try:
        import numpy
    except ImportError:
        return PythonBackend(layers)
    return NumpyBackend(layers, numpy)


def predictions(scores, labels=10):
    """One ``{"digit", "confidence"}`` per image: the best label and its softmax probability."""
    answer = []
    for start in range(0, len(scores), labels):
        row = scores[start:start + labels]
        best = max(range(labels), key=row.__getitem__)
        total = sum(math.exp(s - row[best]) for s in row)
        answer.append({"digit": best, "confidence": round(1.0 / total, 4)})
    return answer
