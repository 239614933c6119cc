package dev.berth.runner.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;

import dev.berth.runner.container.ImageBuildException;
import dev.berth.runner.container.ImageImportRequest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// `docker import` over the raw API, because docker-java's import command cannot pass `changes`
/// (ENV, CMD and LABEL lines), and an imported image without them has no PATH and no labels.
/// Thread-safe (stateless apart from the shared HTTP client).
final class RootfsImport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerHttpClient http;

    RootfsImport(DockerHttpClient http) { this.http = http; }

    String importRootfs(ImageImportRequest request, Map<String, String> labels) throws ImageBuildException {
        var tar = request.rootfsTar();
        if (!Files.isRegularFile(tar)) {
            throw new ImageBuildException("Cannot import " + tar + ": no such tar file (expected a root filesystem tarball).");
        }
        int colon = request.tag().lastIndexOf(':');
        boolean hasTag = colon > request.tag().lastIndexOf('/');
        var query = new StringBuilder("/images/create?fromSrc=-");
        query.append("&repo=").append(enc(hasTag ? request.tag().substring(0, colon) : request.tag()));
        query.append("&tag=").append(enc(hasTag ? request.tag().substring(colon + 1) : "latest"));
        for (var change : changes(request.instructions(), labels)) query.append("&changes=").append(enc(change));
        try (var body = Files.newInputStream(tar);
             var response = http.execute(DockerHttpClient.Request.builder()
                     .method(DockerHttpClient.Request.Method.POST).path(query.toString())
                     .putHeader("Content-Type", "application/x-tar").body(body).build())) {
            return readAnswer(request, response);
        } catch (IOException | RuntimeException e) {
            throw new ImageBuildException("Importing " + tar + " as " + request.tag() + " failed: " + e.getMessage(), e);
        }
    }

    private static String readAnswer(ImageImportRequest request, DockerHttpClient.Response response)
            throws IOException, ImageBuildException {
        var lines = new ArrayList<String>();
        String imageId = "";
        try (var reader = new BufferedReader(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) continue;
                lines.add(line);
                JsonNode node = JSON.readTree(line);
                if (node.hasNonNull("error") || node.hasNonNull("message")) {
                    var error = node.hasNonNull("error") ? node.get("error").asText() : node.get("message").asText();
                    throw new ImageBuildException("Docker refused to import " + request.rootfsTar() + " as "
                            + request.tag() + ": " + error);
                }
                if (node.hasNonNull("status")) imageId = node.get("status").asText().strip();
            }
        }
        if (response.getStatusCode() >= 300 || !imageId.startsWith("sha256:")) {
            throw new ImageBuildException("Docker did not import " + request.tag() + " (HTTP "
                    + response.getStatusCode() + "): " + String.join("\n", lines));
        }
        return imageId;
    }

    static List<String> changes(List<String> instructions, Map<String, String> labels) {
        var changes = new ArrayList<>(instructions);
        labels.forEach((key, value) -> changes.add("LABEL " + key + "=\"" + value.replace("\"", "\\\"") + "\""));
        return changes;
    }

    private static String enc(String text) { return URLEncoder.encode(text, StandardCharsets.UTF_8); }
}
