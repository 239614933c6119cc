#!/usr/bin/env python3
"""Trains the digit classifier and writes model/weights.bin and model/weights.json.

Run it on a developer machine with numpy (``pip install numpy``; about a minute on one CPU core):

    python3 model/train.py

The image never runs this: it ships the weights this script wrote. Everything is seeded, so the same
numpy version writes the same weights. The network is 256 inputs (16x16 pixels) -> 64 ReLU -> 10 scores,
trained with Adam on synthetic digits from ``digits.py`` (the generator the handler's demo uses).
"""

import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import digits  # noqa: E402  (the app folder is put on the path above)

TRAIN_SEED, VALIDATION_SEED, INIT_SEED = 1, 2, 3
TRAIN_IMAGES, VALIDATION_IMAGES = 40000, 4000
HIDDEN, EPOCHS, BATCH, LEARNING_RATE = 64, 20, 128, 0.002


def dataset(count, seed):
    pairs = digits.samples(count, seed)
    images = np.array([image for image, _ in pairs], dtype=np.float32)
    labels = np.array([label for _, label in pairs], dtype=np.int64)
    return images, labels


def init(rng):
    """He-initialised weights, [inputs][outputs] row-major as the kernels and the CPU paths read them."""
    return [rng.normal(0, np.sqrt(2 / digits.PIXELS), (digits.PIXELS, HIDDEN)).astype(np.float32),
            np.zeros(HIDDEN, np.float32),
            rng.normal(0, np.sqrt(2 / HIDDEN), (HIDDEN, 10)).astype(np.float32),
            np.zeros(10, np.float32)]


def forward(params, x):
    w1, b1, w2, b2 = params
    hidden = np.maximum(x @ w1 + b1, 0)
    return hidden, hidden @ w2 + b2


def gradients(params, x, labels):
    """Gradients of the mean softmax cross-entropy over the batch."""
    w1, _, w2, _ = params
    hidden, scores = forward(params, x)
    p = np.exp(scores - scores.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    p[np.arange(len(labels)), labels] -= 1
    d_scores = p / len(labels)
    d_hidden = (d_scores @ w2.T) * (hidden > 0)
    return [x.T @ d_hidden, d_hidden.sum(axis=0), hidden.T @ d_scores, d_scores.sum(axis=0)]


def train(params, images, labels, rng):
    moments = [[np.zeros_like(p), np.zeros_like(p)] for p in params]
    step = 0
    for epoch in range(EPOCHS):
        rate = LEARNING_RATE * (0.5 * (1 + np.cos(np.pi * epoch / EPOCHS)))  # cosine decay
        order = rng.permutation(len(labels))
        for start in range(0, len(order), BATCH):
            batch = order[start:start + BATCH]
            step += 1
            for p, g, m in zip(params, gradients(params, images[batch], labels[batch]), moments):
                m[0] = 0.9 * m[0] + 0.1 * g
                m[1] = 0.999 * m[1] + 0.001 * g * g
                p -= (rate * (m[0] / (1 - 0.9 ** step)) / (np.sqrt(m[1] / (1 - 0.999 ** step)) + 1e-8)).astype(p.dtype)
        print("epoch %2d: training accuracy %.4f" % (epoch + 1, accuracy(params, images, labels)), flush=True)


def accuracy(params, images, labels):
    return float((forward(params, images)[1].argmax(axis=1) == labels).mean())


def save(params, validation_accuracy):
    offset, layers = 0, []
    for index, (w, b) in enumerate(zip(params[0::2], params[1::2])):
        layers.append({"inputs": w.shape[0], "outputs": w.shape[1], "activation": "relu" if index == 0 else "identity",
                       "weightsOffset": offset, "biasOffset": offset + w.nbytes})
        offset += w.nbytes + b.nbytes
    with open(os.path.join(HERE, "weights.bin"), "wb") as f:
        for p in params:
            f.write(p.astype("<f4").tobytes())
    header = {
        "format": "little-endian float32; each layer's weights [inputs][outputs] row-major, then its bias",
        "file": "weights.bin", "bytes": offset, "input": "16x16 grey pixels row by row, 0 background to 1 ink",
        "labels": list(range(10)), "layers": layers,
        "training": {"script": "model/train.py", "generator": "digits.py", "trainSeed": TRAIN_SEED,
                     "trainImages": TRAIN_IMAGES, "validationSeed": VALIDATION_SEED,
                     "validationImages": VALIDATION_IMAGES, "validationAccuracy": round(validation_accuracy, 4),
                     "epochs": EPOCHS, "numpy": np.__version__},
    }
    with open(os.path.join(HERE, "weights.json"), "w", encoding="utf-8") as f:
        json.dump(header, f, indent=2)
        f.write("\n")


def main():
    rng = np.random.default_rng(INIT_SEED)
    images, labels = dataset(TRAIN_IMAGES, TRAIN_SEED)
    params = init(rng)
    train(params, images, labels, rng)
    validation = accuracy(params, *dataset(VALIDATION_IMAGES, VALIDATION_SEED))
    print("validation accuracy %.4f on %d fresh images" % (validation, VALIDATION_IMAGES))
    save(params, validation)


if __name__ == "__main__":
    main()
