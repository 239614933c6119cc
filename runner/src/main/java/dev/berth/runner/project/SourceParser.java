package dev.berth.runner.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;

/// Reads JSON and YAML project files into [SourceDoc]s, remembering the line of every field. A file that
/// cannot be read or parsed becomes one ERROR problem with the line, column and a fix, and an empty result.
/// Stateless apart from its factories; use from one thread at a time.
final class SourceParser {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // host.json and local.settings.json are read by .NET hosts that accept comments; so does Berth.
    private final JsonFactory json = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final YAMLFactory yaml = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    Optional<SourceDoc> json(Path dir, Path relative, Problems problems) {
        return parse(dir, relative, json, false, problems);
    }

    Optional<SourceDoc> yaml(Path dir, Path relative, Problems problems) {
        return parse(dir, relative, yaml, true, problems);
    }

    private Optional<SourceDoc> parse(Path dir, Path relative, JsonFactory factory, boolean isYaml, Problems problems) {
        String text;
        try {
            text = Files.readString(dir.resolve(relative), StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            problems.error(relative, 0, "", "the file is not UTF-8 text.", "save it with UTF-8 encoding.");
            return Optional.empty();
        } catch (IOException e) {
            problems.error(relative, 0, "", "cannot be read: " + e.getMessage() + ".",
                    "check that the file exists and that you may read it.");
            return Optional.empty();
        }
        return parse(relative, text, factory, isYaml, problems);
    }

    /// `text` as the JSON file `relative` (e.g. while it is being edited, before it is saved).
    Optional<SourceDoc> json(Path relative, String text, Problems problems) {
        return parse(relative, text, json, false, problems);
    }

    private Optional<SourceDoc> parse(Path relative, String text, JsonFactory factory, boolean isYaml,
                                      Problems problems) {
        // Visual Studio saves local.settings.json with a byte order mark; Jackson would call it a bad character.
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        var lines = new HashMap<String, Integer>();
        try (var parser = factory.createParser(text)) {
            var token = parser.nextToken();
            if (token == null && isYaml) {
                problems.warning(relative, 1, "", "the file is empty; the defaults apply.",
                        "write the app's settings as a YAML mapping, or delete the file.");
                return Optional.of(new SourceDoc(relative, NODES.objectNode(), lines));
            }
            if (token == null) {
                problems.error(relative, 1, "", "the file is empty.", "write a JSON object such as {} into it.");
                return Optional.empty();
            }
            var root = LineTree.read(parser, lines, path -> path.toLowerCase(Locale.ROOT));
            if (!root.isObject()) {
                problems.error(relative, 1, "", "the file must hold " + (isYaml ? "a YAML mapping" : "a JSON object")
                        + ", not " + describe(root) + ".", isYaml ? "write `key: value` lines." : "wrap the content in { }.");
                return Optional.empty();
            }
            return Optional.of(new SourceDoc(relative, root, lines));
        } catch (JsonProcessingException e) {
            problems.add(SyntaxHints.problem(relative, text, e, isYaml));
            return Optional.empty();
        } catch (IOException e) {
            problems.error(relative, 0, "", "cannot be parsed: " + e.getMessage() + ".", "fix the syntax.");
            return Optional.empty();
        }
    }

    /// "a string", "an array", … for messages about a value of the wrong kind.
    static String describe(JsonNode node) { return LineTree.describe(node); }
}
