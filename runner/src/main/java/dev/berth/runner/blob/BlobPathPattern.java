package dev.berth.runner.blob;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// A `blobTrigger` `path` from function.json, with the Azure Functions semantics: the first segment is
/// the container (literal; binding expressions there are rejected because the trigger must know which
/// container to watch), the rest is a blob name pattern of literal text and `{name}` binding
/// expressions. `{{` and `}}` stand for literal braces. An expression matches any text, `/` included,
/// and expressions are greedy (`{name}.{ext}` on `a.b.c` gives `a.b` and `c`), as in the WebJobs SDK.
/// A path with no blob part (`images` or `images/`) matches every blob in the container. Immutable.
public final class BlobPathPattern {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private final String source;
    private final String container;
    private final Pattern regex;
    private final List<String> names;

    private BlobPathPattern(String source, String container, Pattern regex, List<String> names) {
        this.source = source;
        this.container = container;
        this.regex = regex;
        this.names = List.copyOf(names);
    }

    /// Parses `path`; errors name the field and the fix (the caller adds the function.json file name).
    public static BlobPathPattern parse(String path) {
        if (path == null || path.isBlank()) {
            throw invalid(path, "is empty; give '<container>/<blob pattern>', e.g. 'images/{name}'");
        }
        int slash = path.indexOf('/');
        String container = slash < 0 ? path : path.substring(0, slash);
        String blobPart = slash < 0 ? "" : path.substring(slash + 1);
        if (container.contains("{") || container.contains("}")) {
            throw invalid(path, "has a binding expression in the container name '" + container
                    + "'; a blob trigger watches one container: write it literally, e.g. 'images/{name}'");
        }
        try {
            BlobNames.container(container);
        } catch (IllegalArgumentException e) {
            throw invalid(path, "starts with an invalid container name: " + e.getMessage());
        }
        var names = new ArrayList<String>();
        var regex = blobPart.isEmpty() ? ".*" : compile(path, blobPart, names);
        return new BlobPathPattern(path, container, Pattern.compile(regex, Pattern.DOTALL), names);
    }

    private static String compile(String path, String blobPart, List<String> names) {
        var regex = new StringBuilder();
        var literal = new StringBuilder();
        boolean lastWasExpression = false;
        for (int i = 0; i < blobPart.length(); i++) {
            char c = blobPart.charAt(i);
            boolean doubled = i + 1 < blobPart.length() && blobPart.charAt(i + 1) == c;
            if ((c == '{' || c == '}') && doubled) {
                literal.append(c);
                i++;
                lastWasExpression = false;
            } else if (c == '{') {
                int end = blobPart.indexOf('}', i);
                if (end < 0) throw invalid(path, "has a '{' without a closing '}'; write '{{' for a literal brace");
                String name = blobPart.substring(i + 1, end);
                checkExpression(path, name, names, lastWasExpression && literal.isEmpty());
                regex.append(Pattern.quote(literal.toString())).append("(.*)");
                literal.setLength(0);
                names.add(name);
                i = end;
                lastWasExpression = true;
            } else if (c == '}') {
                throw invalid(path, "has a '}' without an opening '{'; write '}}' for a literal brace");
            } else {
                literal.append(c);
                lastWasExpression = false;
            }
        }
        return regex.append(Pattern.quote(literal.toString())).toString();
    }

    private static void checkExpression(String path, String name, List<String> seen, boolean adjacent) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw invalid(path, "has the binding expression '{" + name + "}'; use a name of letters, digits and '_',"
                    + " e.g. '{name}'");
        }
        if (seen.contains(name)) throw invalid(path, "uses '{" + name + "}' twice; give each expression its own name");
        if (adjacent) {
            throw invalid(path, "has two binding expressions with nothing between them before '{" + name
                    + "}'; separate them with literal text, e.g. '{name}.{ext}'");
        }
    }

    private static IllegalArgumentException invalid(String path, String problem) {
        return new IllegalArgumentException("blobTrigger path '" + BlobNames.printable(path) + "' (field 'path') "
                + problem);
    }

    /// The container the trigger watches.
    public String container() {
        return container;
    }

    /// The binding expression names, in order of appearance.
    public List<String> parameterNames() {
        return names;
    }

    /// The binding values when `container`/`blobName` matches, else empty.
    public Optional<Map<String, String>> match(String container, String blobName) {
        if (!this.container.equals(container) || blobName.isEmpty()) return Optional.empty();
        Matcher m = regex.matcher(blobName);
        if (!m.matches()) return Optional.empty();
        var values = new LinkedHashMap<String, String>();
        for (int i = 0; i < names.size(); i++) values.put(names.get(i), m.group(i + 1));
        return Optional.of(values);
    }

    /// Matches a full `container/blob` path.
    public Optional<Map<String, String>> match(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? Optional.empty() : match(path.substring(0, slash), path.substring(slash + 1));
    }

    @Override
    public String toString() {
        return source;
    }
}
