package dev.berth.runner.export;

import com.fasterxml.jackson.databind.node.ObjectNode;

/// One exported document and the file name it gets when written to a folder (e.g. `deployment-shop.yaml`).
/// The document is owned by the export; callers treat it as read-only.
public record Manifest(String fileName, ObjectNode document) {
    /// `kind` of a Kubernetes object, or `type` of an Azure resource.
    public String kind() {
        var kind = document.path("kind");
        return kind.isMissingNode() ? document.path("type").asText() : kind.asText();
    }
}
