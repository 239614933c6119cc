package dev.berth.runner.blob;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/// User metadata of a blob: name rules (Azure: C# identifiers) and the JSON column encoding.
/// Stateless apart from a thread-safe ObjectMapper; thread-safe.
final class BlobMetadata {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};
    private static final ObjectMapper JSON = new ObjectMapper();

    private BlobMetadata() {}

    static void check(Map<String, String> metadata) {
        for (var entry : metadata.entrySet()) {
            String key = entry.getKey();
            if (key == null || !NAME.matcher(key).matches()) {
                throw new IllegalArgumentException("blob metadata name '" + BlobNames.printable(key)
                        + "' (field 'metadata') is invalid: use a C# identifier (letters, digits, '_', not starting"
                        + " with a digit), e.g. 'customerId'");
            }
            if (entry.getValue() == null) {
                throw new IllegalArgumentException("blob metadata '" + key + "' (field 'metadata') has no value;"
                        + " give it a value or leave it out");
            }
        }
    }

    static String encode(Map<String, String> metadata) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(metadata));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode blob metadata: " + e.getMessage(), e);
        }
    }

    static Map<String, String> decode(String text) {
        try {
            return JSON.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt blob metadata in the database: " + e.getMessage(), e);
        }
    }
}
