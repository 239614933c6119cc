"""Synthetic handwritten-looking digits: a 5x7 bitmap font rendered into 16x16 grey images with a random
size, slant, rotation, shift, stroke thickness, ink level and noise.

The model in ``model/`` was trained on images from this generator (``model/train.py``), and the
``classify`` function uses it to render demo inputs, so the demo needs no data and nothing is downloaded.
Pure Python: the same seed gives the same images on every machine.
"""

import math
import random

SIZE = 16
PIXELS = SIZE * SIZE

# One string per glyph row, '#' for ink; 5 columns by 7 rows.
FONT = {
    0: (".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."),
    1: ("..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."),
    2: (".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"),
    3: ("####.", "....#", "....#", ".###.", "....#", "....#", "####."),
    4: ("...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."),
    5: ("#####", "#....", "####.", "....#", "....#", "#...#", ".###."),
    6: ("..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."),
    7: ("#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."),
    8: (".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."),
    9: (".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."),
}
_COLUMNS, _ROWS = 5, 7
_INK = {d: frozenset((c, r) for r, row in enumerate(rows) for c, ch in enumerate(row) if ch == "#")
        for d, rows in FONT.items()}


def render(digit, rng):
    """A 16x16 image of ``digit`` (0-9) as 256 floats in 0..1, row by row; ``rng`` is a ``random.Random``."""
    ink_cells = _INK[digit]
    inverse, centre = _random_placement(rng)
    thickness = rng.uniform(-0.05, 0.4)  # glyph units added around each ink cell
    soft = 0.6  # width of the anti-aliased edge, in glyph units
    ink = rng.uniform(0.7, 1.0)
    noise = rng.uniform(0.0, 0.12)
    wobble = [rng.uniform(-0.35, 0.35), rng.uniform(0.6, 1.4), rng.uniform(0, 6.3),
              rng.uniform(-0.35, 0.35), rng.uniform(0.6, 1.4), rng.uniform(0, 6.3)]
    image = []
    for y in range(SIZE):
        for x in range(SIZE):
            dx, dy = x + 0.5 - centre[0], y + 0.5 - centre[1]
            u = inverse[0] * dx + inverse[1] * dy + _COLUMNS / 2
            v = inverse[2] * dx + inverse[3] * dy + _ROWS / 2
            # A smooth wave through the glyph, so strokes bend as a hand draws them.
            u, v = u + wobble[0] * math.sin(wobble[1] * v + wobble[2]), v + wobble[3] * math.sin(wobble[4] * u + wobble[5])
            distance = _distance_to_ink(ink_cells, u, v)
            value = ink * min(1.0, max(0.0, (thickness + soft - distance) / soft))
            image.append(value + rng.gauss(0.0, noise))
    for _ in range(rng.randrange(3)):  # a few specks, as on a scanned page
        image[rng.randrange(PIXELS)] = rng.uniform(0.3, 1.0)
    return [min(1.0, max(0.0, value)) for value in image]


def samples(count, seed, digit=None):
    """``count`` (image, label) pairs from one seed; every label is ``digit`` when given, else random."""
    rng = random.Random(seed)
    pairs = []
    for _ in range(count):
        label = rng.randrange(10) if digit is None else digit
        pairs.append((render(label, rng), label))
    return pairs


def _random_placement(rng):
    """The inverse of a random glyph-to-pixel transform (scale, slant, rotation) and the glyph's centre in
    pixels. Sizes keep a 5x7 glyph inside the 16x16 frame, give or take a pixel of its stroke."""
    scale_x, scale_y = rng.uniform(1.6, 2.3), rng.uniform(1.55, 1.95)
    slant, angle = rng.uniform(-0.35, 0.35), rng.uniform(-0.2, 0.2)
    cos, sin = math.cos(angle), math.sin(angle)
    # forward = rotation · [[scale_x, slant·scale_y], [0, scale_y]]
    a, b = cos * scale_x, cos * slant * scale_y - sin * scale_y
    c, d = sin * scale_x, sin * slant * scale_y + cos * scale_y
    det = a * d - b * c
    centre = (SIZE / 2 + rng.uniform(-1.5, 1.5), SIZE / 2 + rng.uniform(-1.0, 1.0))
    return (d / det, -b / det, -c / det, a / det), centre


def _distance_to_ink(ink_cells, u, v):
    """Distance from glyph point (u, v) to the nearest ink cell (unit squares); only neighbours can be near."""
    column, row = math.floor(u), math.floor(v)
    best = 9.0
    for c in range(column - 1, column + 2):
        for r in range(row - 1, row + 2):
            if (c, r) in ink_cells:
                du = max(c - u, 0.0, u - c - 1)
                dv = max(r - v, 0.0, v - r - 1)
                best = min(best, math.hypot(du, dv))
    return best
