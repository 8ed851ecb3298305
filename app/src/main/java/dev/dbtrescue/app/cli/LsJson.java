// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeType;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of {@code dbt ls --output json}: the node's dictionary as dbt wrote it in the manifest, filtered to dbt
 * ls's default keys (in the manifest's order, plus {@code direct_parents} for models) or to {@code --output-keys} (in
 * the order given; dotted keys reach into nested objects and are left out when null), written as Python's
 * {@code json.dumps} writes it ({@code ", "} and {@code ": "} separators, non-ASCII escaped).
 */
final class LsJson {

    /** The keys dbt ls prints when {@code --output-keys} is not given. */
    static final Set<String> DEFAULT_KEYS = Set.of(
            "alias",
            "name",
            "package_name",
            "depends_on",
            "direct_parents",
            "tags",
            "config",
            "resource_type",
            "source_name",
            "original_file_path",
            "unique_id");

    private LsJson() {}

    static String render(Node node, JsonNode dict, List<String> keys) {
        ObjectNode full = dict.deepCopy();
        if (node.type() == NodeType.MODEL) {
            // dbt keeps direct_parents out of manifest.json and puts it back for ls: the model's direct parents
            ArrayNode parents = full.putArray("direct_parents");
            node.dependsOn().nodes().forEach(id -> parents.add(id.value()));
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (keys.isEmpty()) {
            full.properties().forEach(e -> {
                if (DEFAULT_KEYS.contains(e.getKey())) {
                    out.set(e.getKey(), e.getValue());
                }
            });
        } else {
            for (String key : keys) {
                if (key.contains(".")) {
                    JsonNode value = nested(full, key);
                    if (value != null && !value.isNull()) {
                        out.set(key, value);
                    }
                } else if (full.has(key)) {
                    out.set(key, full.get(key));
                }
            }
        }
        StringBuilder text = new StringBuilder();
        write(out, text);
        return text.toString();
    }

    private static JsonNode nested(JsonNode root, String dottedKey) {
        JsonNode current = root;
        for (String key : dottedKey.split("\\.", -1)) {
            if (!current.isObject() || !current.has(key)) {
                return null;
            }
            current = current.get(key);
        }
        return current;
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
