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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@code run_results.json} (schema v4 to v6) with a streaming parser, skipping compiled SQL.
 *
 * <p>Stateless and thread-safe; linear in the file size.
 *
 * @see <a href="https://docs.getdbt.com/reference/artifacts/run-results-json">run_results.json</a>
 */
public final class RunResultsReader {

    /** A result as read, before the invocation's command (written after the results) is known. */
    private record Partial(
            NodeId id,
            String status,
            double seconds,
            Optional<String> message,
            OptionalLong failures,
            Optional<Instant> startedAt,
            Optional<Instant> completedAt,
            String threadId,
            OptionalLong rowsAffected) {}

    /**
     * Reads a run_results file.
     *
     * @throws ArtifactException if the file is missing, unreadable, empty, truncated, not JSON, not a run_results.json,
     *     or of an unsupported schema version
     */
    public RunResults read(Path file) throws ArtifactException {
        return ArtifactFiles.read(file, ArtifactKind.RUN_RESULTS, (p, check) -> parse(p, check, file.toString()));
    }

    /**
     * Reads run results from a stream.
     *
     * @param name how to name the input in messages
     * @throws ArtifactException as {@link #read(Path)}
     */
    public RunResults read(String name, InputStream in) throws ArtifactException {
        return ArtifactFiles.read(name, in, ArtifactKind.RUN_RESULTS, (p, check) -> parse(p, check, name));
    }

    private RunResults parse(JsonParser p, ArtifactFiles.MetadataCheck check, String source)
            throws IOException, ArtifactException {
        ArtifactMetadata metadata = null;
        List<Partial> partials = new ArrayList<>();
        double elapsed = 0;
        JsonNode args = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "metadata" -> metadata = check.read(p);
                case "results" -> readResults(p, value, partials);
                case "elapsed_time" -> elapsed = value.isNumeric() ? p.getDoubleValue() : 0;
                case "args" -> args = Trees.read(p);
                default -> p.skipChildren();
            }
        }
        ArtifactMetadata meta = metadata == null ? check.require() : metadata;
        String command =
                args == null ? "unknown" : ArtifactFiles.text(args, "which").orElse("unknown");
        String invocation = meta.invocationId().orElse("unknown");
        Instant generated = meta.generatedAt().orElse(Instant.EPOCH);
        List<NodeResult> results = partials.stream()
                .map(r -> new NodeResult(
                        r.id(),
                        RunStatus.fromDbt(r.status()),
                        r.status(),
                        seconds(r.seconds()),
                        r.message(),
                        r.failures(),
                        r.startedAt(),
                        r.completedAt().orElse(generated),
                        r.threadId(),
                        r.rowsAffected(),
                        invocation,
                        command))
                .toList();
        return new RunResults(
                meta,
                command,
                args == null ? Optional.empty() : ArtifactFiles.text(args, "invocation_command"),
                seconds(elapsed),
                results,
                source);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(Math.max(0, seconds) * 1e9));
    }

    private static void readResults(JsonParser p, JsonToken value, List<Partial> into) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_OBJECT) {
                readResult(p).ifPresent(into::add);
            } else {
                p.skipChildren();
            }
        }
    }

    private static Optional<Partial> readResult(JsonParser p) throws IOException {
        String id = null;
        String status = "unknown";
        double seconds = 0;
        String message = null;
        OptionalLong failures = OptionalLong.empty();
        Instant started = null;
        Instant completed = null;
        String thread = "";
        OptionalLong rows = OptionalLong.empty();
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken token = p.nextToken();
            switch (field) {
                case "unique_id" -> id = p.getValueAsString();
                case "status" -> status = p.getValueAsString("unknown");
                case "execution_time" -> seconds = token.isNumeric() ? p.getDoubleValue() : 0;
                case "message" -> message = token == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                case "failures" -> failures = token.isNumeric() ? OptionalLong.of(p.getLongValue()) : failures;
                case "thread_id" -> thread = p.getValueAsString("");
                case "timing" -> {
                    Instant[] span = timing(p, token);
                    started = span[0];
                    completed = span[1];
                }
                case "adapter_response" -> rows = rowsAffected(p, token);
                default -> p.skipChildren();
            }
        }
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Partial(
                new NodeId(id),
                status,
                seconds,
                Optional.ofNullable(message),
                failures,
                Optional.ofNullable(started),
                Optional.ofNullable(completed),
                thread,
                rows));
    }

    /** Earliest {@code started_at} and latest {@code completed_at} of the timing phases; nulls when none. */
    private static Instant[] timing(JsonParser p, JsonToken value) throws IOException {
        Instant[] span = new Instant[2];
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return span;
        }
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken phaseValue = p.nextToken();
                boolean start = "started_at".equals(field);
                if ((start || "completed_at".equals(field)) && phaseValue == JsonToken.VALUE_STRING) {
                    Instant at = Timestamps.parse(p.getText()).orElse(null);
                    if (at != null && start && (span[0] == null || at.isBefore(span[0]))) {
                        span[0] = at;
                    } else if (at != null && !start && (span[1] == null || at.isAfter(span[1]))) {
                        span[1] = at;
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return span;
    }

    /** {@code adapter_response.rows_affected}, when the adapter reported it. */
    private static OptionalLong rowsAffected(JsonParser p, JsonToken value) throws IOException {
        OptionalLong rows = OptionalLong.empty();
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return rows;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken token = p.nextToken();
            if ("rows_affected".equals(field) && token == JsonToken.VALUE_NUMBER_INT) {
                rows = OptionalLong.of(p.getLongValue());
            } else {
                p.skipChildren();
            }
        }
        return rows;
    }
}
