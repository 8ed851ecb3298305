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
        JsonNode config = MissingNode.getInstance();
        JsonNode unrenderedConfig = MissingNode.getInstance();

        /** The configs as read from bytes, built on first use; when set, they stand for the trees above. */
        @Nullable
        NodeConfig configRead;

        @Nullable
        NodeConfig unrenderedConfigRead;

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
        String field;
        while ((field = p.nextFieldName()) != null) {
            readField(p, f, field, p.nextToken(), shared);
        }
        return f.uniqueId == null || f.uniqueId.isBlank()
                ? Optional.empty()
                : Optional.of(build(share(f, typeOf(f, defaultType), shared), defaultType, shared));
    }

    private static void readField(JsonParser p, Fields f, String field, JsonToken value, Canonicalizer shared)
            throws IOException {
        switch (field) {
            case "unique_id" -> f.uniqueId = scalar(p, value);
            case "resource_type" -> f.resourceType = scalar(p, value);
            case "name" -> f.name = scalar(p, value);
            case "package_name" -> f.packageName = scalar(p, value);
            case "path" -> f.path = scalar(p, value);
            case "original_file_path" -> f.originalFilePath = scalar(p, value);
            case "patch_path" -> f.patchPath = scalar(p, value);
            case "alias" -> f.alias = scalar(p, value);
            case "identifier" -> f.identifier = scalar(p, value);
            case "schema" -> f.schema = scalar(p, value);
            case "database" -> f.database = scalar(p, value);
            case "relation_name" -> f.relationName = scalar(p, value);
            case "description" -> f.description = scalar(p, value);
            case "language" -> f.language = scalar(p, value);
            case "version" -> f.version = scalar(p, value);
            case "latest_version" -> f.latestVersion = scalar(p, value);
            case "access" -> f.access = scalar(p, value);
            case "group" -> f.group = scalar(p, value);
            case "source_name" -> f.sourceName = scalar(p, value);
            case "loaded_at_field" -> f.loadedAtField = scalar(p, value);
            case "column_name" -> f.columnName = scalar(p, value);
            case "attached_node" -> f.attachedNode = scalar(p, value);
            case "type" -> f.exposureType = scalar(p, value);
            case "maturity" -> f.maturity = scalar(p, value);
            case "url" -> f.url = scalar(p, value);
            case "label" -> f.label = scalar(p, value);
            case "model" -> f.testedModel = scalar(p, value);
            case "deprecation_date" -> f.deprecationDate = scalar(p, value);
            case "quoting" -> f.quoting = Trees.read(p);
            case "external" -> f.external = Trees.read(p);
            case "loaded_at_query" -> f.loadedAtQuery = scalar(p, value);
            case "unrendered_database" -> f.unrenderedDatabase = scalar(p, value);
            case "unrendered_schema" -> f.unrenderedSchema = scalar(p, value);
            case "fqn" -> f.fqn = strings(p, value);
            case "tags" -> f.tags = strings(p, value);
            case "columns" -> f.columns = keys(p, value);
            case "config" -> f.config = shared.tree(Trees.read(p));
            case "unrendered_config" -> f.unrenderedConfig = shared.tree(Trees.read(p));
            case "meta" -> f.meta = shared.tree(Trees.read(p));
            case "test_metadata" -> f.testMetadata = Trees.read(p);
            case "freshness" -> f.freshness = shared.tree(Trees.read(p));
            case "owner" -> f.owner = shared.tree(Trees.read(p));
            case "depends_on" -> f.dependsOn = dependencies(p, value);
            case "checksum" -> f.checksum = checksum(p, value);
            case "raw_code", "raw_sql" -> f.rawOffset = offsetAndSkip(p, value);
            case "compiled_code", "compiled_sql" -> f.compiledOffset = offsetAndSkip(p, value);
            default -> p.skipChildren();
        }
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
            do {
                readField(c, f, c.fieldName(), shared);
            } while (c.nextMember('}'));
        }
        return f.uniqueId == null || f.uniqueId.isBlank()
                ? Optional.empty()
                : Optional.of(build(share(f, typeOf(f, defaultType), shared), defaultType, shared));
    }

    private static void readField(JsonBytes c, Fields f, String field, Canonicalizer shared)
            throws JsonBytes.Malformed {
        switch (field) {
            case "unique_id" -> f.uniqueId = c.sharedScalar();
            case "resource_type" -> f.resourceType = c.sharedScalar();
            case "name" -> f.name = c.scalar();
            case "package_name" -> f.packageName = c.sharedScalar();
            case "path" -> f.path = c.scalar();
            case "original_file_path" -> f.originalFilePath = c.sharedScalar();
            case "patch_path" -> f.patchPath = c.sharedScalar();
            case "alias" -> f.alias = c.scalar();
            case "identifier" -> f.identifier = c.scalar();
            case "schema" -> f.schema = c.sharedScalar();
            case "database" -> f.database = c.sharedScalar();
            case "relation_name" -> f.relationName = c.scalar();
            case "description" -> f.description = c.scalar();
            case "language" -> f.language = c.sharedScalar();
            case "version" -> f.version = c.scalar();
            case "latest_version" -> f.latestVersion = c.scalar();
            case "access" -> f.access = c.sharedScalar();
            case "group" -> f.group = c.sharedScalar();
            case "source_name" -> f.sourceName = c.sharedScalar();
            case "loaded_at_field" -> f.loadedAtField = c.sharedScalar();
            case "column_name" -> f.columnName = c.sharedScalar();
            case "attached_node" -> f.attachedNode = c.sharedScalar();
            case "type" -> f.exposureType = c.scalar();
            case "maturity" -> f.maturity = c.scalar();
            case "url" -> f.url = c.scalar();
            case "label" -> f.label = c.scalar();
            case "model" -> f.testedModel = c.sharedScalar();
            case "deprecation_date" -> f.deprecationDate = c.scalar();
            case "quoting" -> f.quoting = c.tree();
            case "external" -> f.external = c.tree();
            case "loaded_at_query" -> f.loadedAtQuery = c.scalar();
            case "unrendered_database" -> f.unrenderedDatabase = c.scalar();
            case "unrendered_schema" -> f.unrenderedSchema = c.scalar();
            case "fqn" -> f.fqn = c.sharedStrings();
            case "tags" -> f.tags = c.sharedStrings();
            case "columns" -> f.columns = c.keys();
            case "config" -> f.configRead = shared.config(c);
            case "unrendered_config" -> f.unrenderedConfigRead = shared.config(c);
            case "meta" -> f.meta = shared.tree(c);
            case "test_metadata" -> f.testMetadata = c.tree();
            case "freshness" -> f.freshness = shared.tree(c);
            case "owner" -> f.owner = shared.tree(c);
            case "depends_on" -> f.dependsOn = dependencies(c, shared);
            case "checksum" -> f.checksum = checksum(c);
            case "raw_code", "raw_sql" -> f.rawOffset = offsetAndSkip(c);
            case "compiled_code", "compiled_sql" -> f.compiledOffset = offsetAndSkip(c);
            default -> c.skipValue();
        }
    }

    private static Dependencies dependencies(JsonBytes c, Canonicalizer shared) throws JsonBytes.Malformed {
        if (c.peek() != '{') {
            c.skipValue();
            return Dependencies.NONE;
        }
        c.expect('{');
        List<String> nodes = List.of();
        List<String> macros = List.of();
        if (!c.consumeIf('}')) {
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

    private static Checksum checksum(JsonBytes c) throws JsonBytes.Malformed {
        byte first = c.peek();
        if (first == '"') {
            return new Checksum("sha256", c.string()); // unit tests store a bare hash
        }
        if (first != '{') {
            c.skipValue();
            return Checksum.NONE;
        }
        c.expect('{');
        String name = "none";
        String sum = "";
        if (!c.consumeIf('}')) {
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

    private static long offsetAndSkip(JsonBytes c) throws JsonBytes.Malformed {
        boolean string = c.peek() == '"';
        long at = c.pos();
        c.skipValue();
        return string ? at : -1;
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
        NodeConfig config = f.configRead != null ? f.configRead : new NodeConfig(f.config);
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
                f.unrenderedConfigRead != null ? f.unrenderedConfigRead : new NodeConfig(f.unrenderedConfig),
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
    static @Nullable String scalar(JsonParser p, JsonToken value) throws IOException {
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
    static List<String> strings(JsonParser p, JsonToken value) throws IOException {
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

    private static long offsetAndSkip(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            p.skipChildren();
            return -1;
        }
        return p.currentTokenLocation().getByteOffset();
    }
}
