-- The invocation the ingress sends for GET /api/hello/Ada, sent straight to the replica's published
-- port: the direct baseline does the same work in the function, minus the ingress.
wrk.method = "POST"
wrk.path = "/hello"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"Data":{"req":{"Url":"http://127.0.0.1/api/hello/Ada","Method":"GET","Query":{},'
  .. '"Headers":{},"Params":{"name":"Ada"},"Body":""}},"Metadata":{"name":"Ada","sys":{"MethodName":"hello"}}}'
