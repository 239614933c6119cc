package dev.berth.runner.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.berth.runner.project.ProjectProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/// The documents of one export and the notes that go with them (what was dropped, what to fill in).
/// Immutable apart from the documents, which nobody changes after the export.
public record Export(List<Manifest> manifests, List<ProjectProblem> notes) {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    public Export {
        manifests = List.copyOf(manifests);
        notes = List.copyOf(notes);
    }

    /// Every document in one multi-document YAML stream (`---` between them), as `kubectl apply -f -` reads.
    public String yaml() {
        var out = new StringBuilder();
        for (var manifest : manifests) {
            if (!out.isEmpty()) out.append("---\n");
            out.append(yaml(manifest));
        }
        return out.toString();
    }

    /// One document as YAML.
    public static String yaml(Manifest manifest) {
        try {
            return YAML.writeValueAsString(manifest.document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serializes", e);
        }
    }

    /// Writes one file per document into `folder` (created when missing) and returns the files written.
    public List<Path> writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        var written = new ArrayList<Path>();
        for (var manifest : manifests) {
            var file = folder.resolve(manifest.fileName());
            Files.writeString(file, yaml(manifest), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    /// Parses a YAML text such as [#yaml()] writes back into one tree per document.
    public static List<com.fasterxml.jackson.databind.JsonNode> parse(String yaml) {
        try (var parser = YAML.getFactory().createParser(yaml)) {
            return YAML.readValues(parser, com.fasterxml.jackson.databind.JsonNode.class).readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
