package dev.berth.runner.eventgrid;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

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
            return new YamlDoc(value(parser, "", lines), lines);
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

    private static JsonNode value(JsonParser parser, String path, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
        return switch (parser.currentToken()) {
            case START_OBJECT -> object(parser, path, lines);
            case START_ARRAY -> array(parser, path, lines);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(parser, "unexpected " + parser.currentToken());
        };
    }

    private static ObjectNode object(JsonParser parser, String path, Map<String, Integer> lines) throws IOException {
        var node = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            var name = parser.currentName();
            var child = child(path, name);
            lines.put(child, parser.currentTokenLocation().getLineNr());
            parser.nextToken();
            node.set(name, value(parser, child, lines));
        }
        return node;
    }

    private static ArrayNode array(JsonParser parser, String path, Map<String, Integer> lines) throws IOException {
        var node = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            node.add(value(parser, path + "[" + node.size() + "]", lines));
        }
        return node;
    }
}
