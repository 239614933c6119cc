package dev.berth.runner.ingress;

import java.util.List;
import java.util.Map;

/// One HTTP request as the ingress read it, with the route parameters of the function it matched.
record IncomingRequest(String method, String url, String pathAndQuery, Map<String, String> query,
                       Map<String, List<String>> headers, Map<String, String> params, byte[] body) {}
