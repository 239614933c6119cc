package dev.berth.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// The templates shipped inside this module (resources under `templates/<id>/`). Immutable, thread-safe.
///
/// The list comes from the hand-written `templates/index.json`, because a folder inside a jar cannot be
/// listed; a unit test keeps the index and the resource folders in step. A template may name shared groups
/// of files (`templates/_shared/<group>/`), one as `"shared": "java"` or several as
/// `"shared": ["java", "java-plain"]`, and then ships their files along with its own. A path may come from
/// one place only, so groups combine but never silently replace each other's files.
public final class TemplateCatalog {
    /// Classpath location of the index.
    static final String INDEX = "/templates/index.json";

    private final List<Template> templates;

    private TemplateCatalog(List<Template> templates) { this.templates = List.copyOf(templates); }

    /// The built-in catalog, read from the module's resources. A missing or broken index is a packaging
    /// bug, not a user error, so it fails with an unchecked exception.
    public static TemplateCatalog builtIn() {
        try (var in = TemplateCatalog.class.getResourceAsStream(INDEX)) {
            if (in == null) throw new IllegalStateException("the Berth templates jar lacks " + INDEX);
            return new TemplateCatalog(parse(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template index " + INDEX, e);
        }
    }

    public List<Template> list() { return templates; }

    public Optional<Template> find(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    static List<Template> parse(InputStream index) throws IOException {
        var root = new ObjectMapper().readTree(index);
        var shared = sharedGroups(root.path("shared"));
        var result = new ArrayList<Template>();
        for (var node : root.path("templates")) {
            var template = template(node, shared);
            if (result.stream().anyMatch(t -> t.id().equals(template.id()))) {
                throw new IOException(INDEX + " lists template '" + template.id() + "' twice");
            }
            result.add(template);
        }
        if (result.isEmpty()) throw new IOException(INDEX + " lists no templates under `templates`");
        return result;
    }

    /// `"shared": {"python": ["Dockerfile", …]}`: files several templates ship alike, kept once.
    private static Map<String, List<TemplateFile>> sharedGroups(JsonNode node) {
        var groups = new LinkedHashMap<String, List<TemplateFile>>();
        node.properties().forEach(group -> {
            var files = new ArrayList<TemplateFile>();
            group.getValue().forEach(f -> files.add(new TemplateFile(f.asText(), false, group.getKey())));
            groups.put(group.getKey(), List.copyOf(files));
        });
        return groups;
    }

    private static Template template(JsonNode node, Map<String, List<TemplateFile>> shared) throws IOException {
        var id = required(node, "id", "?");
        var executables = new HashSet<String>();
        node.path("executable").forEach(e -> executables.add(e.asText()));
        var files = new ArrayList<TemplateFile>();
        for (var f : node.path("files")) files.add(new TemplateFile(f.asText(), executables.remove(f.asText())));
        if (files.isEmpty()) throw new IOException(INDEX + ": template '" + id + "' lists no `files`");
        if (!executables.isEmpty()) {
            throw new IOException(INDEX + ": template '" + id + "' marks " + executables
                    + " `executable` but does not list them in `files`");
        }
        for (var group : sharedNames(node.path("shared"), id)) {
            if (!shared.containsKey(group)) {
                throw new IOException(INDEX + ": template '" + id + "' uses shared group '" + group
                        + "', which `shared` does not define (defined: " + shared.keySet() + ")");
            }
            files.addAll(shared.get(group));
        }
        var paths = new HashSet<String>();
        for (var file : files) {
            if (!paths.add(file.path())) {
                throw new IOException(INDEX + ": template '" + id + "' gets " + file.path()
                        + " twice (from `files` and its shared groups); list it in one place only");
            }
        }
        return new Template(id, required(node, "title", id), required(node, "description", id),
                required(node, "language", id), required(node, "trigger", id), files);
    }

    /// `"shared": "java"` or `"shared": ["java", "java-plain"]`; none when the field is absent.
    private static List<String> sharedNames(JsonNode node, String id) throws IOException {
        if (node.isMissingNode()) return List.of();
        if (node.isTextual()) return List.of(node.asText());
        var names = new ArrayList<String>();
        for (var group : node) {
            if (!group.isTextual()) break;
            names.add(group.asText());
        }
        if (!node.isArray() || names.size() != node.size()) {
            throw new IOException(INDEX + ": template '" + id + "' has `shared` " + node
                    + "; write one group name or a list of them, e.g. [\"java\", \"java-plain\"]");
        }
        return names;
    }

    private static String required(JsonNode node, String field, String id) throws IOException {
        var value = node.path(field).asText("");
        if (value.isBlank()) throw new IOException(INDEX + ": template '" + id + "' has no `" + field + "`");
        return value;
    }
}
