"""Reads what a caller wants classified, or says precisely what is wrong with the request."""

import json
import random
from array import array

import digits

MAX_BATCH = 4096
EXAMPLE = '{"images": [[256 numbers from 0 to 1, row by row], ...]}'


class BadInput(Exception):
    """A request the function cannot serve (a 400); the message names the field and the fix."""


class Batch:
    """Images to classify: ``pixels`` (``array('f')``, rows x 256) and, for rendered samples, their labels."""

    def __init__(self, pixels, rows, sample=None):
        self.pixels, self.rows, self.sample = pixels, rows, sample


def from_body(body):
    """The batch in a POST body ``{"images": [[256 numbers], ...]}``."""
    try:
        document = json.loads(body or "", parse_constant=_refuse_constant)
    except ValueError as e:
        raise BadInput("the request body is not valid JSON (%s); send %s" % (e, EXAMPLE)) from e
    if not isinstance(document, dict) or "images" not in document:
        raise BadInput('the body has no "images" field; send %s' % EXAMPLE)
    images = document["images"]
    if not isinstance(images, list):
        raise BadInput('"images" must be a list of images, each a list of 256 numbers; send %s' % EXAMPLE)
    if not images:
        raise BadInput('"images" is empty; send at least one image')
    if len(images) > MAX_BATCH:
        raise BadInput('"images" has %d images; send at most %d per request and split larger batches'
                       % (len(images), MAX_BATCH))
    pixels = array("f")
    for index, image in enumerate(images):
        pixels.extend(_image(index, image))
    return Batch(pixels, len(images))


def from_query(query):
    """A batch of rendered digits for ``?sample=D[&count=N][&seed=S]``."""
    if "sample" not in query:
        raise BadInput("GET needs ?sample=D with a digit 0-9 (and optional count=N, seed=S) to classify a rendered"
                       " digit; or POST %s" % EXAMPLE)
    digit = _whole(query, "sample", "a digit from 0 to 9, e.g. ?sample=7")
    if not 0 <= digit <= 9:
        raise BadInput('"sample" is %d; it must be a digit from 0 to 9, e.g. ?sample=7' % digit)
    count = _whole(query, "count", "a whole number of images from 1 to %d, e.g. &count=8" % MAX_BATCH, 1)
    if not 1 <= count <= MAX_BATCH:
        raise BadInput('"count" is %d; it must be from 1 to %d' % (count, MAX_BATCH))
    seed = _whole(query, "seed", "a whole number, e.g. &seed=42", None)
    if seed is None:
        seed = random.randrange(1 << 31)
    pixels = array("f")
    for image, _ in digits.samples(count, seed, digit):
        pixels.extend(image)
    return Batch(pixels, count, {"digit": digit, "count": count, "seed": seed})


def _image(index, image):
    field = "images[%d]" % index
    shape = "a list of %d numbers (%dx%d pixels, row by row)" % (digits.PIXELS, digits.SIZE, digits.SIZE)
    if not isinstance(image, list):
        raise BadInput("%s is a %s; each image is %s" % (field, _kind(image), shape))
    if len(image) != digits.PIXELS:
        raise BadInput("%s has %d value%s; each image is %s"
                       % (field, len(image), "" if len(image) == 1 else "s", shape))
    for position, value in enumerate(image):
        # bool is an int in Python, but true/false are not pixel values.
        if type(value) not in (int, float):
            raise BadInput('%s[%d] is %s, not a number; pixels are numbers from 0 (background) to 1 (ink)'
                           % (field, position, json.dumps(value)))
        if not 0 <= value <= 1:
            raise BadInput("%s[%d] is %s, out of range; pixels are from 0 (background) to 1 (ink): divide 0-255 "
                           "values by 255" % (field, position, json.dumps(value)))
    return image


def _whole(query, name, expected, default=0):
    text = query.get(name)
    if text is None:
        return default
    try:
        return int(text)
    except ValueError:
        raise BadInput('"%s" is "%s"; it must be %s' % (name, text, expected)) from None


def _refuse_constant(name):
    raise ValueError("%s is not a number JSON allows" % name)


def _kind(value):
    return {dict: "object", str: "string", bool: "boolean", type(None): "null"}.get(type(value), "number")
