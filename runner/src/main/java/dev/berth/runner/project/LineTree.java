package dev.berth.runner.project;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Map;
import java.util.function.UnaryOperator;

/// Builds a JSON tree (from JSON or YAML) by hand rather than with an ObjectMapper, because only the token
/// stream knows lines: records the line of every path (`a.b[0].c`) so a message can point at it, and names
/// a value's kind for such a message. Used for project files and for Event Grid's YAML. Stateless; the map
/// it fills belongs to the caller.
public final class LineTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, Integer> lines;
    private final UnaryOperator<String> key;

    private LineTree(Map<String, Integer> lines, UnaryOperator<String> key) {
        this.lines = lines;
        this.key = key;
    }

    /// Reads the value at the parser's current token. A field's path gets the line of its name, an array
    /// item the line it starts on; `key` turns a path into the key it is recorded under in `lines`.
    public static JsonNode read(JsonParser parser, Map<String, Integer> lines, UnaryOperator<String> key)
            throws IOException {
        return new LineTree(lines, key).value(parser, "");
    }

    private JsonNode value(JsonParser parser, String path) throws IOException {
        lines.putIfAbsent(key.apply(path), parser.currentTokenLocation().getLineNr());
        return switch (parser.currentToken()) {
            case START_OBJECT -> object(parser, path);
            case START_ARRAY -> array(parser, path);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new JsonParseException(parser, "unexpected " + parser.currentToken());
        };
    }

    private ObjectNode object(JsonParser parser, String path) throws IOException {
        var node = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            var name = parser.currentName();
            var child = SourceDoc.child(path, name);
            lines.put(key.apply(child), parser.currentTokenLocation().getLineNr());
            parser.nextToken();
            node.set(name, value(parser, child));
        }
        return node;
    }

    private ArrayNode array(JsonParser parser, String path) throws IOException {
        var node = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            node.add(value(parser, SourceDoc.item(path, node.size())));
        }
        return node;
    }

    /// "the text \"x\"", "the number 5", "a list", … for messages about a value of the wrong kind.
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) return "nothing";
        if (node.isTextual()) return "the text \"" + node.asText() + "\"";
        if (node.isNumber()) return "the number " + node.asText();
        if (node.isBoolean()) return node.asText();
        if (node.isNull()) return "null";
        if (node.isArray()) return "a list";
        return "an object";
    }
}
