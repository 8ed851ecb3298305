// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.ArtifactKind;
import dev.dbtrescue.graph.manifest.ArtifactMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Opens an artifact for streaming and turns every low-level failure (missing, unreadable, empty, truncated, not JSON,
 * not a dbt artifact, wrong kind, unsupported schema version) into an {@link ArtifactException} that names the file
 * and says what to do.
 */
public final class ArtifactFiles {

    /** Shared, thread-safe; used as the parser codec so that small sub-objects can be read as trees. */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(200_000_000)
                    .maxNestingDepth(2_000)
                    .build())
            .build());

    private ArtifactFiles() {}

    /** The body of a reader: consumes the top-level object's fields. */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Called with the parser positioned on the top-level {@code START_OBJECT}.
         *
         * @param parser the parser
         * @param metadata checks and remembers the {@code metadata} block when the body meets it
         */
        T read(JsonParser parser, MetadataCheck metadata) throws IOException, ArtifactException;
    }

    /** Validates the {@code metadata} block against the expected artifact kind. */
    public static final class MetadataCheck {
        private final String file;
        private final ArtifactKind expected;
        private @Nullable ArtifactMetadata metadata;

        public MetadataCheck(String file, ArtifactKind expected) {
            this.file = file;
            this.expected = expected;
        }

        /** Reads the {@code metadata} value the parser is positioned on, and fails fast on a foreign artifact. */
        public ArtifactMetadata read(JsonParser parser) throws IOException, ArtifactException {
            metadata = check(Trees.read(parser));
            return metadata;
        }

        /** The metadata read, or a specific error when the artifact had none. */
        public ArtifactMetadata require() throws ArtifactException {
            if (metadata == null) {
                throw new ArtifactException(
                        file,
                        "is JSON but has no \"metadata\" block, so it is not a dbt artifact",
                        "Pass the " + expected.fileName() + " that `" + expected.producedBy()
                                + "` writes to the project's target/ folder",
                        null);
            }
            return metadata;
        }

        private ArtifactMetadata check(JsonNode node) throws ArtifactException {
            String url = node.path("dbt_schema_version").asText("");
            if (url.isEmpty()) {
                throw new ArtifactException(
                        file,
                        "field metadata.dbt_schema_version is missing, so this is not a dbt artifact",
                        "Pass the " + expected.fileName() + " that `" + expected.producedBy()
                                + "` writes to the project's target/ folder",
                        null);
            }
            Optional<ArtifactKind> kind = ArtifactKind.fromSchemaUrl(url);
            Optional<Integer> version = ArtifactKind.versionFromSchemaUrl(url);
            if (kind.isEmpty() || version.isEmpty()) {
                throw new ArtifactException(
                        file,
                        "metadata.dbt_schema_version is \"" + url + "\", which is not a dbt artifact dbt-rescue reads",
                        "Pass the " + expected.fileName() + " from the project's target/ folder",
                        null);
            }
            if (kind.get() != expected) {
                throw new ArtifactException(
                        file,
                        "this is a " + kind.get().fileName() + " (schema " + url + "), not a " + expected.fileName(),
                        "Pass each artifact in its own place: the " + expected.fileName() + " is written by `"
                                + expected.producedBy() + "` to target/" + expected.fileName(),
                        null);
            }
            int v = version.get();
            String dbtVersion = node.path("dbt_version").asText("");
            if (v < expected.minVersion()) {
                throw new ArtifactException(
                        file,
                        expected.fileName() + " schema v" + v
                                + (dbtVersion.isEmpty() ? "" : " (dbt " + dbtVersion + ")")
                                + " is older than dbt-rescue reads (v" + expected.minVersion() + " to v"
                                + expected.maxVersion() + ", dbt 1.0 and later)",
                        "Regenerate it with dbt 1.0 or newer (`" + expected.producedBy() + "`)",
                        null);
            }
            if (v > expected.maxVersion()) {
                throw new ArtifactException(
                        file,
                        expected.fileName() + " schema v" + v
                                + (dbtVersion.isEmpty() ? "" : " (dbt " + dbtVersion + ")")
                                + " is newer than this dbt-rescue reads (up to v" + expected.maxVersion() + ")",
                        "Update dbt-rescue, or regenerate the artifact with dbt 1.12 or older",
                        null);
            }
            return new ArtifactMetadata(
                    expected,
                    v,
                    text(node, "dbt_version"),
                    text(node, "generated_at").flatMap(Timestamps::parse),
                    text(node, "invocation_id"),
                    text(node, "project_name"),
                    text(node, "project_id"),
                    text(node, "adapter_type"));
        }
    }

    /** The non-blank text at {@code field}, empty when absent, null or blank. */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return Optional.empty();
        }
        String text = value.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /**
     * Reads a file with the given body, mapping every failure to an {@link ArtifactException}.
     *
     * @throws ArtifactException when the file is missing, unreadable, empty, truncated, not JSON or not the expected
     *     artifact
     */
    public static <T> T read(Path file, ArtifactKind expected, Body<T> body) throws ArtifactException {
        checkReadable(file, expected);
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in, expected, body);
        } catch (IOException e) { // permission denied included
            throw ioProblem(file, e);
        }
    }

    /**
     * The whole content of an artifact file, for a reader that parses it from memory.
     *
     * @throws ArtifactException when the file is a folder, missing, empty or unreadable
     */
    public static byte[] bytes(Path file, ArtifactKind expected) throws ArtifactException {
        checkReadable(file, expected);
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw new ArtifactException(
                        file,
                        "is empty (0 bytes)",
                        "Regenerate it with `" + expected.producedBy() + "` in the dbt project");
            }
            return bytes;
        } catch (IOException e) { // permission denied included
            throw ioProblem(file, e);
        }
    }

    private static void checkReadable(Path file, ArtifactKind expected) throws ArtifactException {
        String hintRegenerate = "Regenerate it with `" + expected.producedBy() + "` in the dbt project";
        if (Files.isDirectory(file)) {
            throw new ArtifactException(
                    file,
                    "is a folder, not a " + expected.fileName() + " file",
                    "Pass the file itself, e.g. " + file.resolve(expected.fileName()));
        }
        try {
            if (Files.size(file) == 0) {
                throw new ArtifactException(file, "is empty (0 bytes)", hintRegenerate);
            }
        } catch (NoSuchFileException e) {
            throw new ArtifactException(
                    file,
                    "does not exist",
                    "Check the path, or run `" + expected.producedBy() + "` so that dbt writes it",
                    e);
        } catch (IOException e) {
            throw ioProblem(file, e);
        }
    }

    /** As {@link #read(Path, ArtifactKind, Body)} for a stream; {@code name} is used in messages. */
    public static <T> T read(String name, InputStream in, ArtifactKind expected, Body<T> body)
            throws ArtifactException {
        try (JsonParser parser = MAPPER.createParser(in)) {
            return read(name, parser, expected, body);
        } catch (IOException e) {
            throw new ArtifactException(name, "could not be read: " + e.getMessage(), "Check the file and retry", e);
        }
    }

    private static <T> T read(String name, JsonParser parser, ArtifactKind expected, Body<T> body)
            throws ArtifactException, IOException {
        String hintRegenerate = "Regenerate it with `" + expected.producedBy() + "` in the dbt project";
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ArtifactException(name, "is empty (no JSON value)", hintRegenerate, null);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ArtifactException(
                        name,
                        "is JSON but not a dbt artifact (its top level is " + describe(first)
                                + "; dbt artifacts are objects with a \"metadata\" block)",
                        "Pass the " + expected.fileName() + " from the project's target/ folder",
                        null);
            }
            MetadataCheck check = new MetadataCheck(name, expected);
            T result = body.read(parser, check);
            check.require();
            return result;
        } catch (JsonEOFException e) {
            throw new ArtifactException(
                    name,
                    "ends in the middle of the JSON (" + where(e.getLocation())
                            + "): the file is truncated, e.g. by an interrupted dbt run or copy",
                    hintRegenerate,
                    e);
        } catch (JsonParseException e) {
            throw new ArtifactException(
                    name,
                    "is not valid JSON (" + where(e.getLocation()) + ": " + e.getOriginalMessage() + ")",
                    hintRegenerate,
                    e);
        }
    }

    private static ArtifactException ioProblem(Path file, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new ArtifactException(
                    file,
                    "cannot be read: permission denied",
                    "Give your user read permission on it (e.g. chmod a+r)",
                    e);
        }
        return new ArtifactException(file, "could not be read: " + e, "Check the file and retry", e);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    private static String where(JsonLocation location) {
        if (location == null) {
            return "at an unknown position";
        }
        return "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
