package dev.berth.app.ui.revision;

import dev.berth.runner.revision.RequestLabel;

import java.net.URI;

/// A traffic label and the two ways a request names it: the header form (`x-berth-revision-label: beta`)
/// and the Host form as a URL (`http://beta.<app>.localhost:<port>`; browsers resolve `*.localhost` to
/// loopback). Immutable; any thread.
public record LabelUrl(String label, String revision, String header, String url) {
    /// Label `label` naming `revision`, for app `app` behind the ingress at `ingress`.
    static LabelUrl of(String label, String revision, String app, URI ingress) {
        return new LabelUrl(label, revision, RequestLabel.HEADER + ": " + label,
                "http://" + label + "." + app + ".localhost:" + ingress.getPort());
    }
}
