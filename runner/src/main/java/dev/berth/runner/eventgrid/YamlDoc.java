package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.berth.runner.project.LineTree;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/// A YAML file read into a tree together with the line on which each field starts, keyed by field path
/// (`subscriptions[0].filter`), so that problems point at a line. (The project package has the same for its
/// own files, but keeps it to itself.) Immutable once parsed.
record YamlDoc(JsonNode root, Map<String, Integer> lines) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

    YamlDoc { lines = Map.copyOf(lines); }

    /// Where parsing failed: line (0 if unknown) and a message without Jackson's token talk.
    static final class SyntaxException extends Exception {
        private final int line;
        private final String fix;

        SyntaxException(int line, String message, String fix) {
            super(message);
            this.line = line;
            this.fix = fix;
        }

        int line() { return line; }

        String fix() { return fix; }
    }

    /// An empty text gives an empty mapping.
    static YamlDoc parse(String text) throws SyntaxException {
        var lines = new HashMap<String, Integer>();
        try (var parser = YAML.createParser(text)) {
            if (parser.nextToken() == null) return new YamlDoc(NODES.objectNode(), lines);
            return new YamlDoc(LineTree.read(parser, lines, path -> path), lines);
        } catch (JsonProcessingException e) {
            throw syntax(e);
        } catch (IOException e) {
            throw new SyntaxException(0, e.getMessage(), "correct the YAML syntax.");
        }
    }

    /// The line of `field`, or of its nearest enclosing field when it is absent. 0 when nothing is known.
    int line(String field) {
        var key = field;
        while (true) {
            var line = lines.get(key);
            if (line != null) return line;
            if (key.isEmpty()) return 0;
            int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
            key = cut <= 0 ? "" : key.substring(0, cut);
        }
    }

    static String child(String parent, String key) { return parent.isEmpty() ? key : parent + "." + key; }

    private static SyntaxException syntax(JsonProcessingException e) {
        var original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
        // SnakeYAML's last "line N, column M" is where the problem is; Jackson's location can be the context's.
        var matcher = MARK.matcher(original);
        while (matcher.find()) line = Integer.parseInt(matcher.group(1));
        var problem = "";
        for (var row : original.split("\\R")) {
            if (!row.isBlank() && !Character.isWhitespace(row.charAt(0))) problem = row.strip();
        }
        if (problem.startsWith("Duplicate field")) {
            return new SyntaxException(line, problem.replace("Duplicate field", "the key") + " appears twice",
                    "keep one of the two entries.");
        }
        if (original.contains("(TAB)") || original.contains("\t")) {
            return new SyntaxException(line, "a tab character", "indent with spaces; YAML does not allow tabs.");
        }
        return new SyntaxException(line, problem.isEmpty() ? "the YAML is malformed" : problem,
                "correct the YAML syntax at this line (indentation, ':' after keys, quotes).");
    }
}
