package dev.berth.runner.export;

import java.util.regex.Pattern;

/// The values an export cannot know and leaves for the user to fill in, each in angle brackets so that a
/// forgotten one fails loudly on deployment instead of silently meaning something. Stateless.
final class Placeholders {
    static final String LOCATION = "<LOCATION>";
    static final String ENVIRONMENT_ID = "/subscriptions/<SUBSCRIPTION_ID>/resourceGroups/<RESOURCE_GROUP>/providers/"
            + "Microsoft.App/managedEnvironments/<ENVIRONMENT>";
    static final String REGISTRY = "<REGISTRY>";
    /// The host name the Kubernetes route and HTTP scaler answer on.
    static final String DOMAIN = "example.com";
    /// The Gateway (Gateway API) the HTTPRoute attaches to.
    static final String GATEWAY = "gateway";
    private static final Pattern HAS_REGISTRY = Pattern.compile("[^/]*[.:][^/]*/.+|localhost/.+");

    private Placeholders() {}

    /// `image` when it names a registry (`myacr.azurecr.io/shop:1`), else the same repository under
    /// [#REGISTRY]; the project's own image when none is written.
    static String image(java.util.Optional<String> image, String app) {
        var written = image.orElse(app + ":latest");
        return HAS_REGISTRY.matcher(written).matches() ? written : REGISTRY + "/" + written;
    }
}
