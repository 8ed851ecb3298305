// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.internal.ArtifactFiles;
import dev.dbtrescue.graph.internal.Timestamps;
import dev.dbtrescue.graph.internal.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code sources.json} (schema v1 to v3), accepting both result shapes: the measured one and the
 * {@code runtime error} one ({@code {unique_id, error, status}}) that dbt 1.7 and older wrote.
 *
 * <p>Stateless and thread-safe; linear in the file size.
 */
public final class SourcesReader {

    /**
     * Reads a sources.json file.
     *
     * @throws ArtifactException if the file is missing, unreadable, empty, truncated, not JSON, not a sources.json, or
     *     of an unsupported schema version
     */
    public SourceFreshnessResults read(Path file) throws ArtifactException {
        return ArtifactFiles.read(file, ArtifactKind.SOURCES, (p, check) -> parse(p, check, file.toString()));
    }

    /**
     * Reads freshness results from a stream.
     *
     * @param name how to name the input in messages
     * @throws ArtifactException as {@link #read(Path)}
     */
    public SourceFreshnessResults read(String name, InputStream in) throws ArtifactException {
        return ArtifactFiles.read(name, in, ArtifactKind.SOURCES, (p, check) -> parse(p, check, name));
    }

    private SourceFreshnessResults parse(JsonParser p, ArtifactFiles.MetadataCheck check, String source)
            throws IOException, ArtifactException {
        ArtifactMetadata metadata = null;
        List<JsonNode> raw = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "metadata" -> metadata = check.read(p);
                case "results" -> {
                    JsonNode results = Trees.read(p);
                    if (value == JsonToken.START_ARRAY) {
                        results.forEach(raw::add);
                    }
                }
                default -> p.skipChildren();
            }
        }
        ArtifactMetadata meta = metadata == null ? check.require() : metadata;
        String invocation = meta.invocationId().orElse("unknown");
        List<FreshnessResult> results = new ArrayList<>(raw.size());
        for (JsonNode r : raw) {
            Optional<String> id = ArtifactFiles.text(r, "unique_id");
            if (id.isEmpty()) {
                continue;
            }
            JsonNode age = r.path("max_loaded_at_time_ago_in_s");
            results.add(new FreshnessResult(
                    new NodeId(id.get()),
                    FreshnessStatus.fromDbt(r.path("status").asText("unknown")),
                    ArtifactFiles.text(r, "max_loaded_at").flatMap(Timestamps::parse),
                    ArtifactFiles.text(r, "snapshotted_at").flatMap(Timestamps::parse),
                    age.isNumber()
                            ? Optional.of(Duration.ofMillis(Math.round(age.asDouble() * 1000)))
                            : Optional.empty(),
                    ArtifactFiles.text(r, "error"),
                    invocation));
        }
        return new SourceFreshnessResults(meta, results, source);
    }
}
