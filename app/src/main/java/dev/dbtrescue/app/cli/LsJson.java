// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code dbt ls --output json}: the node's fields in dbt's field order, written as Python's
 * {@code json.dumps} writes them ({@code ", "} and {@code ": "} separators, non-ASCII escaped).
 */
final class LsJson {

    /** The keys dbt ls prints when {@code --output-keys} is not given, in dbt's order. */
    static final List<String> DEFAULT_KEYS = List.of(
            "name",
            "resource_type",
            "package_name",
            "original_file_path",
            "unique_id",
            "alias",
            "config",
            "tags",
            "depends_on",
            "source_name");

    /** dbt's field order of a node dictionary, for the keys dbt-rescue can print. */
    private static final List<String> FIELD_ORDER = List.of(
            "database",
            "schema",
            "name",
            "resource_type",
            "package_name",
            "path",
            "original_file_path",
            "unique_id",
            "fqn",
            "alias",
            "checksum",
            "config",
            "tags",
            "description",
            "meta",
            "depends_on",
            "source_name",
            "relation_name",
            "version",
            "latest_version",
            "access",
            "group");

    private LsJson() {}

    static String render(Node node, List<String> keys) {
        List<String> wanted = keys.isEmpty() ? DEFAULT_KEYS : keys;
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (String key : FIELD_ORDER) {
            if (wanted.contains(key)) {
                value(node, key).ifPresent(v -> object.set(key, v));
            }
        }
        StringBuilder out = new StringBuilder();
        write(object, out);
        return out.toString();
    }

    private static java.util.Optional<JsonNode> value(Node node, String key) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return java.util.Optional.ofNullable(
                switch (key) {
                    case "database" ->
                        node.relation().database().<JsonNode>map(f::textNode).orElse(f.nullNode());
                    case "schema" ->
                        node.relation().schema().<JsonNode>map(f::textNode).orElse(f.nullNode());
                    case "name" -> f.textNode(node.name());
                    case "resource_type" -> f.textNode(node.type().dbtName());
                    case "package_name" -> f.textNode(node.packageName());
                    case "path" -> f.textNode(node.location().path());
                    case "original_file_path" -> f.textNode(node.location().originalFilePath());
                    case "unique_id" -> f.textNode(node.id().value());
                    case "fqn" -> strings(node.fqn());
                    case "alias" ->
                        node.relation().alias().<JsonNode>map(f::textNode).orElse(null);
                    case "config" ->
                        node.config().json().isMissingNode()
                                ? null
                                : node.config().json();
                    case "tags" -> strings(node.tags());
                    case "description" ->
                        f.textNode(node.details().description().orElse(""));
                    case "meta" ->
                        node.details().meta().isMissingNode()
                                ? null
                                : node.details().meta();
                    case "depends_on" -> dependsOn(node);
                    case "source_name" ->
                        node.details()
                                .source()
                                .<JsonNode>map(s -> f.textNode(s.sourceName()))
                                .orElse(null);
                    case "relation_name" ->
                        node.relation()
                                .relationName()
                                .<JsonNode>map(f::textNode)
                                .orElse(f.nullNode());
                    case "version" ->
                        node.details().version().<JsonNode>map(f::textNode).orElse(null);
                    case "latest_version" ->
                        node.details()
                                .latestVersion()
                                .<JsonNode>map(f::textNode)
                                .orElse(null);
                    case "access" ->
                        node.details().access().<JsonNode>map(f::textNode).orElse(null);
                    case "group" ->
                        node.details().group().<JsonNode>map(f::textNode).orElse(null);
                    default -> null;
                });
    }

    private static JsonNode dependsOn(Node node) {
        ObjectNode deps = JsonNodeFactory.instance.objectNode();
        deps.set("macros", strings(node.dependsOn().macros()));
        deps.set(
                "nodes",
                strings(node.dependsOn().nodes().stream().map(NodeId::value).toList()));
        return deps;
    }

    private static ArrayNode strings(List<String> items) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        items.forEach(array::add);
        return array;
    }

    /** Python {@code json.dumps} formatting. */
    static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                string(field.getKey(), out);
                out.append(": ");
                write(field.getValue(), out);
                if (fields.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.asText(), out);
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else {
            out.append(node.asText());
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
