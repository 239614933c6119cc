package dev.berth.editor.check;

/// Turns SnakeYAML's problem descriptions into short ones that say what to fix. Pure.
final class YamlMessages {

    /// The text to show, and whether it belongs at the context mark (where the construct began, e.g.
    /// the opening quote) rather than at the problem mark (where the parser gave up, e.g. the end).
    record Message(String text, boolean atContext) {}

    private YamlMessages() {}

    static Message humanize(String context, String problem, int contextLine) {
        String ctx = context == null ? "" : context;
        String what = problem == null ? "" : problem;
        if (what.contains("'\\t(TAB)'") || what.contains("\\t(TAB)")) {
            return at("Tab used for indentation — YAML indents with spaces only");
        }
        if (ctx.contains("quoted scalar")) return new Message("Unclosed quoted string — add the closing quote", true);
        if (ctx.contains("flow sequence") || ctx.contains("flow mapping")) {
            String closer = ctx.contains("sequence") ? "']'" : "'}'";
            return new Message("The bracket opened here is never closed — add " + closer + " or a missing ','", true);
        }
        if (what.contains("mapping values are not allowed")) {
            return at("Unexpected ':' — indent this under a key that has no value on its line, or quote the value");
        }
        if (what.contains("could not find expected ':'")) return at("Missing ':' after the key on line " + contextLine);
        if (what.contains("expected '-' indicator")) return at("Expected a list item ('- …') at this indentation");
        if (what.contains("expected <block end>") || what.contains("did not find expected key")) {
            return at("Indentation does not match the lines above — align this line with its siblings");
        }
        if (what.contains("that cannot start any token")) {
            return at("This character cannot start a value — put the value in quotes");
        }
        return at(Diagnostics.plain(what));
    }

    private static Message at(String text) {
        return new Message(text, false);
    }
}
