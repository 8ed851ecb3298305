// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.internal.ArtifactFiles;
import dev.dbtrescue.graph.internal.Canonicalizer;
import dev.dbtrescue.graph.internal.JsonBytes;
import dev.dbtrescue.graph.internal.NodeParser;
import dev.dbtrescue.graph.internal.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code manifest.json} (schema v4 to v12): never a whole-file tree, only the fields dbt-rescue keeps, unknown
 * keys ignored everywhere, SQL skipped and located for on-demand loading.
 *
 * <p>Stateless and thread-safe. Time and memory are linear in the file size. A file is read into memory and passed
 * over byte by byte ({@link SplitRead}), a file of 16 MB or more in two halves at once; on the 2-core machines here
 * that reads the 190 MB manifest of a 15,000-model project in about two fifths of the time of Jackson's streaming parser
 * ({@link #readStreaming}), which reads what the in-memory read refuses and words the error.
 *
 * @see <a href="https://docs.getdbt.com/reference/artifacts/manifest-json">manifest.json</a>
 */
public final class ManifestReader {

    /** Top-level collections holding graph resources, with the type assumed when a node lacks resource_type. */
    private static final Map<String, NodeType> RESOURCE_COLLECTIONS = Map.of(
            "nodes", NodeType.MODEL,
            "sources", NodeType.SOURCE,
            "exposures", NodeType.EXPOSURE,
            "metrics", NodeType.METRIC,
            "semantic_models", NodeType.SEMANTIC_MODEL,
            "saved_queries", NodeType.SAVED_QUERY,
            "unit_tests", NodeType.UNIT_TEST,
            "functions", NodeType.FUNCTION);

    /** Files at least this large are read in two halves at once when the machine has a second core. */
    static final long SPLIT_THRESHOLD = 16L << 20;

    /**
     * Reads a manifest file.
     *
     * <p>A large manifest is read by two threads at once when the machine has two cores or more: see {@link
     * SplitRead}. The result is the same as a reading from start to end; any doubt about the split falls back to
     * that.
     *
     * @throws ArtifactException if the file is missing, unreadable, empty, truncated, not JSON, not a manifest, or of an
     *     unsupported schema version
     */
    public Manifest read(Path file) throws ArtifactException {
        long split = Runtime.getRuntime().availableProcessors() > 1 ? SPLIT_THRESHOLD : Long.MAX_VALUE;
        Optional<Manifest> fast = SplitRead.read(file, split);
        return fast.isPresent() ? fast.get() : readStreaming(file);
    }

    /**
     * Reads a manifest file from start to end on the calling thread with Jackson's streaming parser, holding only a
     * small buffer of the file at a time. {@link #read(Path)} uses it for files too large to hold in memory and for
     * every file its in-memory read refused, since Jackson words what is wrong with a file (line, column,
     * truncation). The result equals {@link #read(Path)}'s.
     *
     * @throws ArtifactException as {@link #read(Path)}
     */
    public Manifest readStreaming(Path file) throws ArtifactException {
        return ArtifactFiles.read(file, ArtifactKind.MANIFEST, (p, check) -> {
            Parts parts = new Parts();
            parse(p, check, parts, new Canonicalizer());
            return parts.toManifest(check, Optional.of(file));
        });
    }

    /**
     * Reads a manifest from a stream; SQL cannot be loaded later from such a manifest.
     *
     * @param name how to name the input in messages
     * @throws ArtifactException as {@link #read(Path)}
     */
    public Manifest read(String name, InputStream in) throws ArtifactException {
        return ArtifactFiles.read(name, in, ArtifactKind.MANIFEST, (p, check) -> {
            Parts parts = new Parts();
            parse(p, check, parts, new Canonicalizer());
            return parts.toManifest(check, Optional.empty());
        });
    }

    /** What one reading of (a part of) a manifest collected. */
    static final class Parts {
        @Nullable
        ArtifactMetadata metadata;

        final Map<NodeId, Node> nodes = new LinkedHashMap<>();
        final Map<NodeId, List<Node>> disabled = new HashMap<>();
        final Map<String, Macro> macros = new HashMap<>();
        final Map<String, JsonNode> selectors = new HashMap<>();
        final Map<String, Group> groups = new HashMap<>();

        @Nullable
        Map<NodeId, List<NodeId>> parentMap;

        /** The last top-level field met, to check where a part ended. */
        String lastField = "";

        Manifest toManifest(ArtifactFiles.MetadataCheck check, Optional<Path> file) throws ArtifactException {
            return new Manifest(
                    metadata == null ? check.require() : metadata,
                    nodes,
                    disabled,
                    macros,
                    selectors,
                    groups,
                    Optional.ofNullable(parentMap),
                    file);
        }

        /** This part followed by {@code later}, the part that comes after it in the file. */
        Parts then(Parts later) {
            Parts both = new Parts();
            both.metadata = metadata != null ? metadata : later.metadata;
            both.nodes.putAll(nodes);
            both.nodes.putAll(later.nodes);
            both.disabled.putAll(disabled);
            both.disabled.putAll(later.disabled);
            both.macros.putAll(macros);
            both.macros.putAll(later.macros);
            both.selectors.putAll(selectors);
            both.selectors.putAll(later.selectors);
            both.groups.putAll(groups);
            both.groups.putAll(later.groups);
            both.parentMap = later.parentMap != null ? later.parentMap : parentMap;
            both.lastField = later.lastField;
            return both;
        }
    }

    /**
     * Reads the top-level fields the parser is positioned before into {@code into}.
     *
     * @param shared this read's shared values
     */
    static void parse(JsonParser p, ArtifactFiles.MetadataCheck check, Parts into, Canonicalizer shared)
            throws IOException, ArtifactException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            into.lastField = field;
            JsonToken value = p.nextToken();
            NodeType collection = RESOURCE_COLLECTIONS.get(field);
            if (collection != null) {
                readResources(p, value, collection, into.nodes, shared);
                continue;
            }
            switch (field) {
                case "metadata" -> into.metadata = check.read(p);
                case "disabled" -> readDisabled(p, value, into.disabled, shared);
                case "macros" -> readMacros(p, value, into.macros);
                case "selectors" -> readSelectors(p, value, into.selectors);
                case "groups" -> readGroups(p, value, into.groups);
                case "parent_map" -> into.parentMap = readIdLists(p, value);
                default -> p.skipChildren();
            }
        }
    }

    /**
     * Reads the top-level object of a manifest held in memory into {@code into}, from its {@code '{'} to its end, or,
     * with {@code stopAt >= 0}, until the comma at {@code stopAt} between two entries of {@code nodes}.
     *
     * @return true when it stopped at {@code stopAt}
     * @throws JsonBytes.Malformed if the bytes are not valid JSON, or {@code stopAt} is not between two entries of
     *     {@code nodes}
     */
    static boolean parse(JsonBytes c, ArtifactFiles.MetadataCheck check, Parts into, Canonicalizer shared, long stopAt)
            throws JsonBytes.Malformed, IOException, ArtifactException {
        c.expect('{');
        if (c.consumeIf('}')) {
            return false;
        }
        do {
            if (readTopField(c, check, into, shared, stopAt)) {
                return true;
            }
        } while (c.nextMember('}'));
        return false;
    }

    /**
     * Reads the rest of a manifest held in memory from the first entry of {@code nodes} after a cut (the cursor is
     * just past the comma) to the end of the top-level object. It runs beside the first half's read and gives up
     * when its thread is interrupted: once the first half fails, nothing this half reads is used.
     *
     * @throws CancellationException if the thread is interrupted; the flag stays set
     */
    static void parseAfterCut(JsonBytes c, ArtifactFiles.MetadataCheck check, Parts into, Canonicalizer shared)
            throws JsonBytes.Malformed, IOException, ArtifactException {
        into.lastField = "nodes";
        do {
            giveUpIfInterrupted();
            readEntry(c, NodeType.MODEL, into.nodes, shared);
        } while (c.nextMember('}'));
        while (c.nextMember('}')) {
            giveUpIfInterrupted();
            readTopField(c, check, into, shared, -1);
        }
    }

    private static void giveUpIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the other half of the manifest read failed");
        }
    }

    private static boolean readTopField(
            JsonBytes c, ArtifactFiles.MetadataCheck check, Parts into, Canonicalizer shared, long stopAt)
            throws JsonBytes.Malformed, IOException, ArtifactException {
        String field = c.fieldName();
        into.lastField = field;
        NodeType collection = RESOURCE_COLLECTIONS.get(field);
        if (collection != null) {
            return readResources(c, collection, into.nodes, shared, "nodes".equals(field) ? stopAt : -1);
        }
        switch (field) {
            case "metadata" -> {
                try (JsonParser p = parserOnNextValue(c)) {
                    into.metadata = check.read(p);
                }
            }
            case "disabled" -> readDisabled(c, into.disabled, shared);
            case "macros" -> {
                try (JsonParser p = parserOnNextValue(c)) {
                    readMacros(p, p.currentToken(), into.macros);
                }
            }
            case "selectors" -> {
                try (JsonParser p = parserOnNextValue(c)) {
                    readSelectors(p, p.currentToken(), into.selectors);
                }
            }
            case "groups" -> {
                try (JsonParser p = parserOnNextValue(c)) {
                    readGroups(p, p.currentToken(), into.groups);
                }
            }
            case "parent_map" -> into.parentMap = readIdLists(c, shared);
            default -> c.skipValue();
        }
        return false;
    }

    /** A Jackson parser on the value at the cursor, positioned on its first token; the cursor moves past it. */
    private static JsonParser parserOnNextValue(JsonBytes c) throws JsonBytes.Malformed, IOException {
        c.skipSpace();
        int start = c.pos();
        c.skipValue();
        JsonParser p = ArtifactFiles.MAPPER.createParser(c.bytes(), start, c.pos() - start);
        p.nextToken();
        return p;
    }

    private static boolean readResources(
            JsonBytes c, NodeType type, Map<NodeId, Node> into, Canonicalizer shared, long stopAt)
            throws JsonBytes.Malformed {
        if (!c.enter('{')) {
            return false;
        }
        do {
            readEntry(c, type, into, shared);
            if (stopAt >= 0) {
                c.skipSpace();
                if (c.pos() == stopAt) {
                    return true;
                }
                if (c.pos() > stopAt) {
                    throw new JsonBytes.Malformed("the cut is not between two nodes", c.pos());
                }
            }
        } while (c.nextMember('}'));
        return false;
    }

    private static void readEntry(JsonBytes c, NodeType type, Map<NodeId, Node> into, Canonicalizer shared)
            throws JsonBytes.Malformed {
        c.skipFieldName(); // the key repeats the unique_id inside
        if (c.peek() == '{') {
            NodeParser.read(c, type, shared).ifPresent(node -> into.put(node.id(), node));
        } else {
            c.skipValue();
        }
    }

    private static void readDisabled(JsonBytes c, Map<NodeId, List<Node>> into, Canonicalizer shared)
            throws JsonBytes.Malformed {
        if (!c.enter('{')) {
            return;
        }
        do {
            NodeId id = new NodeId(c.fieldName());
            if (c.peek() != '[') {
                c.skipValue();
                continue;
            }
            c.expect('[');
            List<Node> versions = new ArrayList<>();
            if (!c.consumeIf(']')) {
                do {
                    if (c.peek() == '{') {
                        NodeParser.read(c, NodeType.MODEL, shared).ifPresent(versions::add);
                    } else {
                        c.skipValue();
                    }
                } while (c.nextMember(']'));
            }
            into.put(id, List.copyOf(versions));
        } while (c.nextMember('}'));
    }

    private static Map<NodeId, List<NodeId>> readIdLists(JsonBytes c, Canonicalizer shared) throws JsonBytes.Malformed {
        Map<NodeId, List<NodeId>> map = new HashMap<>();
        if (!c.enter('{')) {
            return map;
        }
        do {
            NodeId id = shared.id(c.sharedString());
            c.expect(':');
            List<NodeId> ids = new ArrayList<>();
            if (c.enter('[')) { // a value other than an array gives no ids, as an empty one does
                do {
                    if (c.peek() == '"') {
                        String text = c.sharedString();
                        if (!text.isBlank()) {
                            ids.add(shared.id(text));
                        }
                    } else {
                        c.skipValue(); // null or a foreign value: not an id
                    }
                } while (c.nextMember(']'));
            }
            map.put(id, ids);
        } while (c.nextMember('}'));
        return map;
    }

    private static void readResources(
            JsonParser p, JsonToken value, NodeType type, Map<NodeId, Node> into, Canonicalizer shared)
            throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                NodeParser.read(p, type, shared).ifPresent(node -> into.put(node.id(), node));
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readDisabled(JsonParser p, JsonToken value, Map<NodeId, List<Node>> into, Canonicalizer shared)
            throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            NodeId id = new NodeId(p.currentName());
            if (p.nextToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            List<Node> versions = new ArrayList<>();
            JsonToken token;
            while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                if (token == JsonToken.START_OBJECT) {
                    NodeParser.read(p, NodeType.MODEL, shared).ifPresent(versions::add);
                } else {
                    p.skipChildren();
                }
            }
            into.put(id, List.copyOf(versions));
        }
    }

    private static void readMacros(JsonParser p, JsonToken value, Map<String, Macro> into) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        MessageDigest sha = sha256();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String uniqueId = null;
            String name = "";
            String packageName = "";
            String path = "";
            List<String> dependsOn = List.of();
            String sqlHash = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                switch (field) {
                    case "unique_id" -> uniqueId = p.getValueAsString();
                    case "name" -> name = p.getValueAsString("");
                    case "package_name" -> packageName = p.getValueAsString("");
                    case "original_file_path" -> path = p.getValueAsString("");
                    case "macro_sql" -> sqlHash = token == JsonToken.VALUE_STRING ? hash(sha, p.getText()) : "";
                    case "depends_on" -> dependsOn = macroDependencies(p, token);
                    default -> p.skipChildren();
                }
            }
            if (uniqueId != null) {
                into.put(uniqueId, new Macro(uniqueId, name, packageName, path, dependsOn, sqlHash));
            }
        }
    }

    private static List<String> macroDependencies(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return List.of();
        }
        List<String> macros = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            if ("macros".equals(field) && token == JsonToken.START_ARRAY) {
                List<String> items = new ArrayList<>();
                JsonToken item;
                while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (item == JsonToken.VALUE_STRING) {
                        items.add(p.getText());
                    } else {
                        p.skipChildren();
                    }
                }
                macros = items;
            } else {
                p.skipChildren();
            }
        }
        return macros;
    }

    private static void readSelectors(JsonParser p, JsonToken value, Map<String, JsonNode> into) throws IOException {
        JsonNode tree = Trees.read(p);
        if (tree.isObject()) {
            tree.properties().forEach(e -> into.put(e.getKey(), e.getValue()));
        }
    }

    private static void readGroups(JsonParser p, JsonToken value, Map<String, Group> into) throws IOException {
        JsonNode tree = Trees.read(p);
        if (!tree.isObject()) {
            return;
        }
        for (JsonNode group : tree) {
            ArtifactFiles.text(group, "name")
                    .ifPresent(name -> into.put(
                            name,
                            new Group(
                                    name,
                                    ArtifactFiles.text(group, "package_name").orElse(""),
                                    ArtifactFiles.text(group.path("owner"), "name"),
                                    ArtifactFiles.text(group.path("owner"), "email"))));
        }
    }

    private static Map<NodeId, List<NodeId>> readIdLists(JsonParser p, JsonToken value) throws IOException {
        Map<NodeId, List<NodeId>> map = new HashMap<>();
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return map;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            NodeId id = new NodeId(p.currentName());
            JsonToken token = p.nextToken();
            List<NodeId> ids = new ArrayList<>();
            if (token == JsonToken.START_ARRAY) {
                JsonToken item;
                while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (item == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                        ids.add(new NodeId(p.getText()));
                    } else {
                        p.skipChildren(); // null or a foreign value: not an id
                    }
                }
            } else {
                p.skipChildren();
            }
            map.put(id, ids);
        }
        return map;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String hash(MessageDigest sha, String text) {
        return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
