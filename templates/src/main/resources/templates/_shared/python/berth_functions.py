"""Azure Functions custom handler for plain Python 3, standard library only.

Register functions with ``@app.function`` and call ``app.run()``. The handler listens on
``$FUNCTIONS_CUSTOMHANDLER_PORT`` (default 8080) on all interfaces and serves:

* ``GET /healthz``: 200 once the handler is up (the readiness probe);
* ``POST /<function>``: one invocation in the custom-handler protocol, as sent by the Functions host
  and by Berth: ``{"Data": {"<trigger>": ..., "<input>": ...}, "Metadata": {...}}`` in,
  ``{"Outputs": {"<output>": ...}, "Logs": [...], "ReturnValue": ...}`` out;
* ``/<routePrefix>/<route>``: HTTP functions called directly over HTTP, for hosts that forward plain
  requests (``enableForwardingHttpRequest``) or run the container without a Functions host.

The trigger binding (the one whose type ends in ``Trigger``), the outputs, routes and methods come from
``<function>/function.json``; without one a function is an HTTP function with bindings ``req``/``res``.

An HTTP function is ``fn(req, ctx) -> Response | str | dict | list | None``. Any other trigger's function
is ``fn(trigger, ctx) -> return value``: ``trigger`` is the trigger data (a queue message, the timer
info, the blob content as text, the Event Grid event); a string holding a JSON object or array is
parsed, except blob content. ``ctx`` carries ``metadata``, the ``inputs`` of other input bindings,
``outputs`` to fill by binding name, and ``log(line)``; calling ``ctx(line)`` logs too. The return value
becomes ``ReturnValue`` (the ``$return`` binding). A function that raises fails the invocation: 500, with
the error in ``Logs`` and no outputs applied, so the host retries it or moves it to poison.
"""

import json
import os
import re
import signal
import sys
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

__all__ = ["Context", "FunctionApp", "Request", "Response"]


class Request:
    """One HTTP request as a function sees it."""

    def __init__(self, method, url, params=None, query=None, headers=None, body=""):
        self.method = (method or "GET").upper()
        self.url = url or ""
        self.params = dict(params or {})
        self.query = dict(query or {})
        self.headers = {str(k).lower(): v for k, v in (headers or {}).items()}
        self.body = body or ""

    def header(self, name, default=None):
        """The header's value (names are case-insensitive), or ``default``."""
        return self.headers.get(name.lower(), default)

    def json(self):
        """The body parsed as JSON, or None when there is no body."""
        if not self.body:
            return None
        try:
            return json.loads(self.body)
        except ValueError as e:
            raise ValueError("request body is not valid JSON: %s" % e) from e


class Response:
    """What a function answers: a status, a text body and headers."""

    def __init__(self, body="", status=200, headers=None):
        self.status = int(status)
        self.body = body
        self.headers = dict(headers or {})
        if "Content-Type" not in self.headers and body:
            self.headers["Content-Type"] = "text/plain; charset=utf-8"

    @staticmethod
    def json(value, status=200, headers=None):
        merged = {"Content-Type": "application/json"}
        merged.update(headers or {})
        return Response(json.dumps(value), status, merged)


class InvocationError(Exception):
    """A request the handler cannot serve; ``status`` says why (400 bad payload, 404 no function)."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


class Context:
    """What a function gets besides its trigger: the invocation's metadata, the data of its other input
    bindings, the outputs it sets (by binding name) and its log. Calling it logs a line, so functions
    written as ``fn(req, log)`` work unchanged."""

    def __init__(self, function_name, metadata=None, inputs=None):
        self.function_name = function_name
        self.metadata = dict(metadata or {})
        self.inputs = dict(inputs or {})
        self.outputs = {}
        self.logs = []

    def log(self, line):
        self.logs.append(str(line))

    __call__ = log


class _Function:
    def __init__(self, name, target, root):
        self.name = name
        self.target = target
        spec = _read_json(os.path.join(root, name, "function.json"))
        bindings = (spec or {}).get("bindings", [])
        trigger = next((b for b in bindings if _kind(b).endswith("trigger")), {})
        out = next((b for b in bindings if _kind(b) == "http" and _direction(b) == "out"), {})
        self.trigger_type = trigger.get("type", "httpTrigger")
        self.http = self.trigger_type.lower() == "httptrigger"
        self.trigger_name = trigger.get("name", "req")
        self.output_name = out.get("name", "res")
        self.outputs = None if spec is None else sorted(
            b.get("name") for b in bindings if _direction(b) == "out" and b.get("name") != "$return")
        self.methods = [m.upper() for m in trigger.get("methods", [])]
        self.route = _route_pattern(trigger.get("route") or name)

    def call(self, trigger, ctx):
        """Runs the function; returns (result, failed). An exception is logged with its traceback after
        the lines the function logged before it failed."""
        try:
            result = self.target(trigger, ctx)
            self._check_outputs(ctx.outputs)
            return result, False
        except Exception as e:  # the function's own bug: report it, keep serving
            message = "Function '%s' failed: %s: %s" % (self.name, type(e).__name__, e)
            ctx.log(message)
            ctx.logs.extend(traceback.format_exc().rstrip().splitlines())
            return message, True

    def trigger_data(self, data):
        if self.trigger_name in data:
            value = data[self.trigger_name]
        elif len(data) == 1:
            value = next(iter(data.values()))
        else:
            raise InvocationError(400, "invocation payload has no %s data under Data.%s (it has: %s)"
                                  % (self.trigger_type, self.trigger_name, ", ".join(sorted(data)) or "nothing"))
        # Blob content is text to keep as it is; other triggers may send JSON as a string.
        return value if self.trigger_type.lower() == "blobtrigger" else _parse_structured(value)

    def _check_outputs(self, outputs):
        if self.outputs is None:
            return  # without a function.json nothing says which outputs exist
        unknown = sorted(set(outputs) - set(self.outputs))
        if unknown:
            raise ValueError("output %s is not declared: %s/function.json has no binding with direction \"out\""
                           " and that name (its outputs: %s). Add the binding, or fix the name in the code"
                           % (", ".join(unknown), self.name, ", ".join(self.outputs) or "none"))


class FunctionApp:
    """The functions of one app, and the HTTP server that runs them."""

    def __init__(self, root=None):
        self.root = root or _script_folder()
        host = _read_json(os.path.join(self.root, "host.json")) or {}
        self.route_prefix = host.get("extensions", {}).get("http", {}).get("routePrefix", "api")
        self._functions = {}

    def function(self, name=None):
        """Registers a function under ``name`` (default: the Python function's name), the folder of its
        function.json. Usable as ``@app.function`` or ``@app.function("x")``."""
        if callable(name):
            return self.function(None)(name)

        def register(target):
            key = name or target.__name__
            self._functions[key] = _Function(key, target, self.root)
            return target

        return register

    def invoke(self, name, payload):
        """Runs one invocation payload; returns (HTTP status, answer dict)."""
        function = self._functions.get(name)
        if function is None:
            raise InvocationError(404, "no function '%s' is registered; known: %s"
                                  % (name, ", ".join(sorted(self._functions)) or "none"))
        if not isinstance(payload, dict) or not isinstance(payload.get("Data"), dict):
            raise InvocationError(400, "invocation payload must be a JSON object with a \"Data\" object")
        data = payload["Data"]
        metadata = payload.get("Metadata") if isinstance(payload.get("Metadata"), dict) else {}
        inputs = {k: v for k, v in data.items() if k != function.trigger_name}
        ctx = Context(name, metadata, inputs)
        trigger = _request_from_data(function, data) if function.http else function.trigger_data(data)
        result, failed = function.call(trigger, ctx)
        # A function that raised fails the invocation, as in Azure; the answer still carries its logs.
        if function.http:
            return (500 if failed else 200), _http_answer(function, result, failed, ctx)
        return (500 if failed else 200), _trigger_answer(result, failed, ctx)

    def call_direct(self, request, path):
        """Serves a plain HTTP request by route; returns (Response, logs)."""
        for function in self._functions.values():
            match = function.route.match(path) if function.http else None
            if match is None:
                continue
            if function.methods and request.method not in function.methods:
                return Response("function '%s' accepts %s, not %s" % (function.name, function.methods,
                                                                        request.method), 405), []
            request.params = {k: unquote(v) for k, v in match.groupdict().items() if v is not None}
            ctx = Context(function.name)
            result, failed = function.call(request, ctx)
            return (Response(result, 500) if failed else _as_response(result)), ctx.logs
        return Response("no function matches %s" % path, 404), []

    def run(self, port=None):
        """Serves until SIGTERM or Ctrl-C."""
        port = int(port or os.environ.get("FUNCTIONS_CUSTOMHANDLER_PORT", "8080"))
        server = ThreadingHTTPServer(("0.0.0.0", port), _handler_class(self))
        server.daemon_threads = True
        # As PID 1 in a container Python ignores SIGTERM unless told otherwise; `docker stop` sends it.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        print("berth_functions: serving %s on port %d" % (", ".join(sorted(self._functions)), port), flush=True)
        try:
            server.serve_forever()
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            server.server_close()


def _handler_class(app):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body in one buffered write (flushed after each request), and no Nagle: otherwise
        # a keep-alive caller's delayed ACK holds every response back by about 40 ms.
        wbufsize = 64 * 1024
        disable_nagle_algorithm = True

        def do_GET(self):
            if urlsplit(self.path).path == "/healthz":
                self._send(200, {"Content-Type": "text/plain"}, b"ok")
            else:
                self._direct()

        def do_POST(self):
            path = urlsplit(self.path).path
            if app.route_prefix and path.startswith("/%s/" % app.route_prefix):
                self._direct()
                return
            body = self._body()
            try:
                try:
                    payload = json.loads(body.decode("utf-8") or "null")
                except ValueError as e:
                    raise InvocationError(400, "invocation payload is not valid JSON: %s" % e) from e
                status, answer = app.invoke(path.strip("/"), payload)
            except InvocationError as e:
                status, answer = e.status, {"Outputs": {}, "Logs": [str(e)], "ReturnValue": None}
            self._send(status, {"Content-Type": "application/json"}, json.dumps(answer).encode("utf-8"))

        do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = lambda self: self._direct()

        def _direct(self):
            parts = urlsplit(self.path)
            prefix = "/" + app.route_prefix if app.route_prefix else ""
            if not parts.path.startswith(prefix + "/"):
                self._send(404, {"Content-Type": "text/plain"}, b"not found")
                return
            request = Request(self.command, self.path, query=dict(parse_qsl(parts.query)),
                              headers=dict(self.headers.items()), body=self._body().decode("utf-8", "replace"))
            response, logs = app.call_direct(request, parts.path[len(prefix):])
            for line in logs:
                print(line, flush=True)
            self._send(response.status, response.headers, _body_bytes(response.body))

        def _body(self):
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length > 0 else b""

        def _send(self, status, headers, body):
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, str(value))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            print("%s %s %d %.1fms" % (self.command, self.path, status,
                                       (time.monotonic() - self._started) * 1000), flush=True)

        def parse_request(self):
            self._started = time.monotonic()
            return super().parse_request()

        def log_request(self, code="-", size="-"):
            pass  # one line per request is printed by _send, with the time taken

        def log_error(self, format, *args):
            sys.stderr.write("berth_functions: " + (format % args) + "\n")

    return Handler


def _request_from_data(function, data):
    req = data.get(function.trigger_name)
    if req is None and len(data) == 1:
        req = next(iter(data.values()))
    if not isinstance(req, dict):
        raise InvocationError(400, "invocation payload has no HTTP request under Data.%s" % function.trigger_name)
    headers = {k: ", ".join(v) if isinstance(v, list) else v for k, v in (req.get("Headers") or {}).items()}
    query = {k: v[0] if isinstance(v, list) and v else v for k, v in (req.get("Query") or {}).items()}
    body = req.get("Body")
    if body is not None and not isinstance(body, str):
        body = json.dumps(body)
    return Request(req.get("Method"), req.get("Url"), req.get("Params"), query, headers, body)


def _parse_structured(value):
    """A string holding a JSON object or array, parsed; anything else as it is."""
    if isinstance(value, str) and value.strip()[:1] in ("{", "["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _as_response(result):
    if isinstance(result, Response):
        return result
    if result is None:
        return Response("", 204)
    if isinstance(result, bytes):
        return Response(result.decode("utf-8", "replace"))
    if isinstance(result, (dict, list)):
        return Response.json(result)
    return Response(str(result))


def _trigger_answer(result, failed, ctx):
    # Outputs of a failed invocation are dropped, as the Functions host drops them.
    return {"Outputs": {} if failed else ctx.outputs, "Logs": ctx.logs, "ReturnValue": None if failed else result}


def _http_answer(function, result, failed, ctx):
    response = Response(result, 500) if failed else _as_response(result)
    body = response.body.decode("utf-8", "replace") if isinstance(response.body, bytes) else response.body
    res = {"statusCode": response.status, "body": body, "headers": response.headers}
    outputs = {} if failed else dict(ctx.outputs)
    if function.output_name == "$return":
        return {"Outputs": outputs, "Logs": ctx.logs, "ReturnValue": res}
    outputs[function.output_name] = res
    return {"Outputs": outputs, "Logs": ctx.logs, "ReturnValue": None}


def _body_bytes(body):
    return body if isinstance(body, bytes) else str(body).encode("utf-8")


def _route_pattern(route):
    """An Azure route template (``hello/{name?}``, ``items/{id:int}``) as a regex over the path after
    the route prefix."""
    pattern = ""
    for segment in route.strip("/").split("/"):
        param = re.fullmatch(r"\{(\w+)(?::[^}?]*)?(\?)?\}", segment)
        if param and param.group(2):
            pattern += r"(?:/(?P<%s>[^/]+))?" % param.group(1)
        elif param:
            pattern += r"/(?P<%s>[^/]+)" % param.group(1)
        else:
            pattern += "/" + re.escape(segment)
    return re.compile("^" + pattern + "/?$", re.IGNORECASE)


def _kind(binding):
    return str(binding.get("type", "")).lower()


def _direction(binding):
    return str(binding.get("direction", "")).lower()


def _read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return None
    except ValueError as e:
        raise ValueError("%s is not valid JSON (%s); fix it, or delete it to use the defaults" % (path, e)) from e


def _script_folder():
    """The folder of the script being run (host.json and the function folders live there), so the app
    works whatever the working directory; the working directory when there is no script (a REPL)."""
    main = getattr(sys.modules.get("__main__"), "__file__", None)
    return os.path.dirname(os.path.abspath(main)) if main else os.getcwd()
