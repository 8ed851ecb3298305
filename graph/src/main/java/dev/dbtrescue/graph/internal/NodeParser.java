// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtrescue.graph.Checksum;
import dev.dbtrescue.graph.CodeLocation;
import dev.dbtrescue.graph.Dependencies;
import dev.dbtrescue.graph.ExposureInfo;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeConfig;
import dev.dbtrescue.graph.NodeDetails;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeLocation;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.Relation;
import dev.dbtrescue.graph.SourceInfo;
import dev.dbtrescue.graph.TestMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Streams one resource object of a manifest into a {@link Node}, reading only the fields dbt-rescue keeps and skipping
 * the rest without building strings (SQL bodies are skipped and only their byte offsets remembered).
 */
public final class NodeParser {

    private NodeParser() {}

    /** Mutable accumulator for one node; fields stay null until read. */
    private static final class Fields {
        @Nullable
        String uniqueId;

        @Nullable
        String resourceType;

        @Nullable
        String name;

        @Nullable
        String packageName;

        @Nullable
        String path;

        @Nullable
        String originalFilePath;

        @Nullable
        String patchPath;

        @Nullable
        String alias;

        @Nullable
        String identifier;

        @Nullable
        String schema;

        @Nullable
        String database;

        @Nullable
        String relationName;

        @Nullable
        String description;

        @Nullable
        String language;

        @Nullable
        String version;

        @Nullable
        String latestVersion;

        @Nullable
        String access;

        @Nullable
        String group;

        @Nullable
        String sourceName;

        @Nullable
        String loadedAtField;

        @Nullable
        String columnName;

        @Nullable
        String attachedNode;

        @Nullable
        String exposureType;

        @Nullable
        String maturity;

        @Nullable
        String url;

        @Nullable
        String label;

        @Nullable
        String testedModel;

        @Nullable
        String deprecationDate;

        @Nullable
        String loadedAtQuery;

        @Nullable
        String unrenderedDatabase;

        @Nullable
        String unrenderedSchema;

        JsonNode quoting = MissingNode.getInstance();
        JsonNode external = MissingNode.getInstance();

        List<String> fqn = List.of();
        List<String> tags = List.of();
        List<String> columns = List.of();
        NodeConfig config = NodeConfig.EMPTY;
        NodeConfig unrenderedConfig = NodeConfig.EMPTY;

        JsonNode meta = MissingNode.getInstance();
        JsonNode testMetadata = MissingNode.getInstance();
        JsonNode freshness = MissingNode.getInstance();
        JsonNode owner = MissingNode.getInstance();
        Dependencies dependsOn = Dependencies.NONE;
        Checksum checksum = Checksum.NONE;
        JsonNode sourceCompared = MissingNode.getInstance();
        long nodeOffset = -1;
        long rawOffset = -1;
        long compiledOffset = -1;
    }

    /**
     * Reads the node object the parser is positioned on ({@code START_OBJECT}) and leaves it on the matching
     * {@code END_OBJECT}.
     *
     * @param defaultType the type to assume when {@code resource_type} is absent
     * @return the node, empty when the object has no {@code unique_id}
     */
    public static Optional<Node> read(JsonParser p, NodeType defaultType, Canonicalizer shared) throws IOException {
        Fields f = new Fields();
        f.nodeOffset = p.currentTokenLocation().getByteOffset();
        var values = new ParserValues(p, shared);
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            readField(values, f, field);
        }
        return finish(f, defaultType, shared);
    }

    /**
     * As {@link #read(JsonParser, NodeType, Canonicalizer)} from bytes: reads the node object at the cursor and leaves
     * the cursor after it. Byte offsets in the result are the cursor's offsets, which must be the file's.
     *
     * @throws JsonBytes.Malformed if the object is not valid JSON
     */
    public static Optional<Node> read(JsonBytes c, NodeType defaultType, Canonicalizer shared)
            throws JsonBytes.Malformed {
        Fields f = new Fields();
        c.skipSpace();
        f.nodeOffset = c.pos();
        c.expect('{');
        if (!c.consumeIf('}')) {
            var values = new ByteValues(c, shared);
            do {
                readField(values, f, c.fieldName());
            } while (c.nextMember('}'));
        }
        return finish(f, defaultType, shared);
    }

    private static Optional<Node> finish(Fields f, NodeType defaultType, Canonicalizer shared) {
        return f.uniqueId == null || f.uniqueId.isBlank()
                ? Optional.empty()
                : Optional.of(build(share(f, typeOf(f, defaultType), shared), defaultType, shared));
    }

    /** The one list of the fields a node keeps, for either reader. */
    private static <E extends Exception> void readField(Values<E> v, Fields f, String field) throws E {
        switch (field) {
            case "unique_id" -> f.uniqueId = v.recurringScalar();
            case "resource_type" -> f.resourceType = v.recurringScalar();
            case "name" -> f.name = v.scalar();
            case "package_name" -> f.packageName = v.recurringScalar();
            case "path" -> f.path = v.scalar();
            case "original_file_path" -> f.originalFilePath = v.recurringScalar();
            case "patch_path" -> f.patchPath = v.recurringScalar();
            case "alias" -> f.alias = v.scalar();
            case "identifier" -> f.identifier = v.scalar();
            case "schema" -> f.schema = v.recurringScalar();
            case "database" -> f.database = v.recurringScalar();
            case "relation_name" -> f.relationName = v.scalar();
            case "description" -> f.description = v.scalar();
            case "language" -> f.language = v.recurringScalar();
            case "version" -> f.version = v.scalar();
            case "latest_version" -> f.latestVersion = v.scalar();
            case "access" -> f.access = v.recurringScalar();
            case "group" -> f.group = v.recurringScalar();
            case "source_name" -> f.sourceName = v.recurringScalar();
            case "loaded_at_field" -> f.loadedAtField = v.recurringScalar();
            case "column_name" -> f.columnName = v.recurringScalar();
            case "attached_node" -> f.attachedNode = v.recurringScalar();
            case "type" -> f.exposureType = v.scalar();
            case "maturity" -> f.maturity = v.scalar();
            case "url" -> f.url = v.scalar();
            case "label" -> f.label = v.scalar();
            case "model" -> f.testedModel = v.recurringScalar();
            case "deprecation_date" -> f.deprecationDate = v.scalar();
            case "quoting" -> f.quoting = v.tree();
            case "external" -> f.external = v.tree();
            case "loaded_at_query" -> f.loadedAtQuery = v.scalar();
            case "unrendered_database" -> f.unrenderedDatabase = v.scalar();
            case "unrendered_schema" -> f.unrenderedSchema = v.scalar();
            case "fqn" -> f.fqn = v.recurringStrings();
            case "tags" -> f.tags = v.recurringStrings();
            case "columns" -> f.columns = v.keys();
            case "config" -> f.config = v.config();
            case "unrendered_config" -> f.unrenderedConfig = v.config();
            case "meta" -> f.meta = v.sharedTree();
            case "test_metadata" -> f.testMetadata = v.tree();
            case "freshness" -> f.freshness = v.sharedTree();
            case "owner" -> f.owner = v.sharedTree();
            case "depends_on" -> f.dependsOn = v.dependencies();
            case "checksum" -> f.checksum = v.checksum();
            case "raw_code", "raw_sql" -> f.rawOffset = v.stringOffset();
            case "compiled_code", "compiled_sql" -> f.compiledOffset = v.stringOffset();
            default -> v.skip();
        }
    }

    /**
     * The value of the field just named, as one of the two readers reads it; each method consumes that value. The
     * readers differ in how, not in what: Jackson's parser (for what the byte cursor refuses) and the byte cursor,
     * which decodes recurring strings once and keeps configs as bytes.
     */
    private interface Values<E extends Exception> {
        /** A scalar as text (numbers too: versions may be ints or floats); null for JSON null and containers. */
        @Nullable
        String scalar() throws E;

        /** As {@link #scalar()} for a value that recurs across nodes (an id, a package, a path). */
        @Nullable
        String recurringScalar() throws E;

        /** An array of strings (or one string, which dbt allows for tags); other items are passed over. */
        List<String> recurringStrings() throws E;

        /** An object's member names in order. */
        List<String> keys() throws E;

        /** The value as a tree of its own. */
        JsonNode tree() throws E;

        /** The value as a tree shared with equal ones. */
        JsonNode sharedTree() throws E;

        NodeConfig config() throws E;

        Dependencies dependencies() throws E;

        Checksum checksum() throws E;

        /** The byte offset of a string value (SQL, loaded later), or -1 when the value is not a string. */
        long stringOffset() throws E;

        void skip() throws E;
    }

    /** The values as Jackson's parser reads them; the parser is on the value's first token. */
    private record ParserValues(JsonParser p, Canonicalizer shared) implements Values<IOException> {
        @Override
        public @Nullable String scalar() throws IOException {
            return NodeParser.scalar(p, p.currentToken());
        }

        @Override
        public @Nullable String recurringScalar() throws IOException {
            return scalar(); // shared after the node is read, in share()
        }

        @Override
        public List<String> recurringStrings() throws IOException {
            return strings(p, p.currentToken());
        }

        @Override
        public List<String> keys() throws IOException {
            return NodeParser.keys(p, p.currentToken());
        }

        @Override
        public JsonNode tree() throws IOException {
            return Trees.read(p);
        }

        @Override
        public JsonNode sharedTree() throws IOException {
            return shared.tree(Trees.read(p));
        }

        @Override
        public NodeConfig config() throws IOException {
            return new NodeConfig(sharedTree());
        }

        @Override
        public Dependencies dependencies() throws IOException {
            return NodeParser.dependencies(p, p.currentToken());
        }

        @Override
        public Checksum checksum() throws IOException {
            return NodeParser.checksum(p, p.currentToken());
        }

        @Override
        public long stringOffset() throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                p.skipChildren();
                return -1;
            }
            return p.currentTokenLocation().getByteOffset();
        }

        @Override
        public void skip() throws IOException {
            p.skipChildren();
        }
    }

    /** The values as the byte cursor reads them. */
    private record ByteValues(JsonBytes c, Canonicalizer shared) implements Values<JsonBytes.Malformed> {
        @Override
        public @Nullable String scalar() throws JsonBytes.Malformed {
            return c.scalar();
        }

        @Override
        public @Nullable String recurringScalar() throws JsonBytes.Malformed {
            return c.sharedScalar();
        }

        @Override
        public List<String> recurringStrings() throws JsonBytes.Malformed {
            return c.sharedStrings();
        }

        @Override
        public List<String> keys() throws JsonBytes.Malformed {
            return c.keys();
        }

        @Override
        public JsonNode tree() throws JsonBytes.Malformed {
            return c.tree();
        }

        @Override
        public JsonNode sharedTree() throws JsonBytes.Malformed {
            return shared.tree(c);
        }

        @Override
        public NodeConfig config() throws JsonBytes.Malformed {
            return shared.config(c);
        }

        @Override
        public Dependencies dependencies() throws JsonBytes.Malformed {
            List<String> nodes = List.of();
            List<String> macros = List.of();
            if (c.enter('{')) {
                do {
                    switch (c.fieldName()) {
                        case "nodes" -> nodes = c.sharedStrings();
                        case "macros" -> macros = c.sharedStrings();
                        default -> c.skipValue();
                    }
                } while (c.nextMember('}'));
            }
            return new Dependencies(nodes.stream().map(shared::id).toList(), macros);
        }

        @Override
        public Checksum checksum() throws JsonBytes.Malformed {
            if (c.peek() == '"') {
                return new Checksum("sha256", c.string()); // unit tests store a bare hash
            }
            String name = "none";
            String sum = "";
            if (c.enter('{')) {
                do {
                    String field = c.fieldName();
                    String text = c.scalar();
                    if ("name".equals(field) && text != null) {
                        name = text;
                    } else if ("checksum".equals(field) && text != null) {
                        sum = text;
                    }
                } while (c.nextMember('}'));
            }
            return new Checksum(name, sum);
        }

        @Override
        public long stringOffset() throws JsonBytes.Malformed {
            boolean string = c.peek() == '"';
            long at = c.pos();
            c.skipValue();
            return string ? at : -1;
        }

        @Override
        public void skip() throws JsonBytes.Malformed {
            c.skipValue();
        }
    }

    /** The resource type: {@code resource_type} when written, else the collection's (e.g. {@code sources}). */
    private static NodeType typeOf(Fields f, NodeType defaultType) {
        return f.resourceType == null ? defaultType : NodeType.fromDbt(f.resourceType);
    }

    /** Replaces recurring values by shared instances (trees are shared as they are read); see {@link Canonicalizer}. */
    private static Fields share(Fields f, NodeType type, Canonicalizer shared) {
        f.resourceType = shared.string(f.resourceType);
        f.packageName = shared.string(f.packageName);
        f.originalFilePath = shared.string(f.originalFilePath);
        f.patchPath = shared.string(f.patchPath);
        f.schema = shared.string(f.schema);
        f.database = shared.string(f.database);
        f.language = shared.string(f.language);
        f.access = shared.string(f.access);
        f.group = shared.string(f.group);
        f.sourceName = shared.string(f.sourceName);
        f.loadedAtField = shared.string(f.loadedAtField);
        f.columnName = shared.string(f.columnName);
        f.fqn = shared.list(f.fqn);
        f.tags = shared.list(f.tags);
        f.columns = shared.list(f.columns);
        if (type == NodeType.SOURCE) {
            ObjectNode compared = JsonNodeFactory.instance.objectNode();
            compared.set("quoting", f.quoting);
            compared.set("external", f.external);
            compared.put("loaded_at_query", f.loadedAtQuery);
            compared.put("unrendered_database", f.unrenderedDatabase);
            compared.put("unrendered_schema", f.unrenderedSchema);
            compared.put("identifier", f.identifier);
            f.sourceCompared = shared.tree(compared);
        }
        return f;
    }

    private static Node build(Fields f, NodeType defaultType, Canonicalizer shared) {
        String uniqueId = f.uniqueId;
        NodeType type = typeOf(f, defaultType);
        String name = f.name == null ? uniqueId : f.name;
        List<String> tags = f.tags;
        NodeConfig config = f.config;
        if (tags.isEmpty() && type == NodeType.UNIT_TEST) {
            tags = config.strings("tags"); // unit tests carry tags only in config
        }
        var relation = new Relation(
                Optional.ofNullable(f.database),
                Optional.ofNullable(f.schema),
                Optional.ofNullable(f.identifier != null ? f.identifier : f.alias),
                Optional.ofNullable(f.relationName));
        var details = new NodeDetails(
                Optional.ofNullable(f.description).filter(d -> !d.isBlank()),
                Optional.ofNullable(f.language),
                Optional.ofNullable(f.version),
                Optional.ofNullable(f.latestVersion),
                Optional.ofNullable(f.access),
                Optional.ofNullable(f.group),
                f.meta,
                testMetadata(f),
                type == NodeType.SOURCE
                        ? Optional.of(new SourceInfo(
                                f.sourceName == null ? "" : f.sourceName,
                                Optional.ofNullable(f.loadedAtField),
                                f.freshness,
                                f.sourceCompared))
                        : Optional.empty(),
                type == NodeType.EXPOSURE ? Optional.of(exposure(f)) : Optional.empty(),
                type == NodeType.UNIT_TEST ? Optional.ofNullable(f.testedModel) : Optional.empty(),
                Optional.ofNullable(f.deprecationDate));
        return new Node(
                shared.id(uniqueId),
                type,
                name,
                f.packageName == null ? "" : f.packageName,
                f.fqn,
                new NodeLocation(
                        f.path == null ? "" : f.path,
                        f.originalFilePath == null ? "" : f.originalFilePath,
                        Optional.ofNullable(f.patchPath)),
                relation,
                tags,
                config,
                f.unrenderedConfig,
                f.dependsOn,
                f.checksum,
                f.columns,
                details,
                new CodeLocation(f.nodeOffset, f.rawOffset, f.compiledOffset));
    }

    private static Optional<TestMetadata> testMetadata(Fields f) {
        JsonNode tm = f.testMetadata;
        if (!tm.isObject() || !tm.path("name").isTextual()) {
            return Optional.empty();
        }
        return Optional.of(new TestMetadata(
                tm.get("name").asText(),
                ArtifactFiles.text(tm, "namespace"),
                tm.path("kwargs"),
                Optional.ofNullable(f.columnName),
                Optional.ofNullable(f.attachedNode).map(NodeId::new)));
    }

    private static ExposureInfo exposure(Fields f) {
        return new ExposureInfo(
                f.exposureType == null ? "" : f.exposureType,
                ArtifactFiles.text(f.owner, "name"),
                ArtifactFiles.text(f.owner, "email"),
                Optional.ofNullable(f.maturity),
                Optional.ofNullable(f.url),
                Optional.ofNullable(f.label));
    }

    /** A scalar as text (numbers too: versions may be ints or floats); null for JSON null and containers. */
    private static @Nullable String scalar(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.isScalarValue()) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** An array of strings (or one string, which dbt allows for tags). */
    private static List<String> strings(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return List.of(p.getText());
        }
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<String> items = new ArrayList<>();
        JsonToken token;
        while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.VALUE_STRING) {
                items.add(p.getText());
            } else {
                p.skipChildren();
            }
        }
        return items;
    }

    private static List<String> keys(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return List.of();
        }
        List<String> names = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            names.add(p.currentName());
            p.nextToken();
            p.skipChildren();
        }
        return names;
    }

    private static Dependencies dependencies(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Dependencies.NONE;
        }
        List<String> nodes = List.of();
        List<String> macros = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            switch (field) {
                case "nodes" -> nodes = strings(p, token);
                case "macros" -> macros = strings(p, token);
                default -> p.skipChildren();
            }
        }
        return new Dependencies(nodes.stream().map(NodeId::new).toList(), macros);
    }

    private static Checksum checksum(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return new Checksum("sha256", p.getText()); // unit tests store a bare hash
        }
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Checksum.NONE;
        }
        String name = "none";
        String sum = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken token = p.nextToken();
            String text = scalar(p, token);
            if ("name".equals(field) && text != null) {
                name = text;
            } else if ("checksum".equals(field) && text != null) {
                sum = text;
            }
        }
        return new Checksum(name, sum);
    }
}
