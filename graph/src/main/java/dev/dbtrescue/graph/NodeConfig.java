// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.dbtrescue.graph.internal.JsonBytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A node's {@code config} (or {@code unrendered_config}) object as dbt wrote it, open to adapter-specific keys.
 *
 * <p>The JSON tree is treated as immutable: nothing in dbt-rescue modifies it after reading, and callers must not
 * either. A config read from a manifest in memory keeps the object's bytes and builds its tree the first time it is
 * asked for ({@link #ofJson}): opening a project needs no config, and on the 15,000-model project the 25,000 distinct
 * configs built as trees were about 40 MB of the loaded project. Equal configs are equal whichever way they were made.
 * Thread-safe.
 */
public final class NodeConfig {

    /** A config with no keys. */
    public static final NodeConfig EMPTY = new NodeConfig(MissingNode.getInstance());

    private volatile @Nullable JsonNode json;
    private final byte @Nullable [] utf8;

    /** @param json the config object, or a missing node when the artifact had none */
    public NodeConfig(JsonNode json) {
        this.json = Objects.requireNonNull(json, "json");
        this.utf8 = null;
    }

    private NodeConfig(byte[] utf8) {
        this.utf8 = utf8;
    }

    /**
     * A config from the UTF-8 bytes of a JSON value whose grammar has been checked (as {@link JsonBytes} checks it
     * while passing over it); its tree is built on first use. The array is kept and must not change.
     */
    public static NodeConfig ofJson(byte[] utf8) {
        return new NodeConfig(Objects.requireNonNull(utf8, "utf8"));
    }

    /** The config object, or a missing node when the artifact had none. */
    public JsonNode json() {
        JsonNode tree = json;
        if (tree == null) {
            byte[] bytes = Objects.requireNonNull(utf8);
            try {
                tree = new JsonBytes(bytes, 0, bytes.length).tree();
            } catch (JsonBytes.Malformed e) {
                throw new IllegalStateException("a config's bytes were checked when read: " + e.getMessage(), e);
            }
            json = tree;
        }
        return tree;
    }

    /**
     * Builds the tree now when this config was kept as bytes, so that the next {@link #json} costs nothing: the first
     * {@code config.*} selector or plan on a large project would otherwise build thousands of them at once.
     *
     * @return true when the tree was built by this call
     */
    public boolean prepare() {
        if (json != null) {
            return false;
        }
        json();
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other == this || (other instanceof NodeConfig that && json().equals(that.json()));
    }

    @Override
    public int hashCode() {
        return json().hashCode();
    }

    @Override
    public String toString() {
        return "NodeConfig[json=" + json() + "]";
    }

    /**
     * The value at a dotted path such as {@code materialized} or {@code meta.owner}.
     *
     * @return the value, empty when a key on the path is absent (a JSON {@code null} is present and returned)
     */
    public Optional<JsonNode> get(String dottedPath) {
        JsonNode current = json();
        for (String key : dottedPath.split("\\.", -1)) {
            if (!current.isObject() || !current.has(key)) {
                return Optional.empty();
            }
            current = current.get(key);
        }
        return Optional.of(current);
    }

    /** The value at {@code dottedPath} as text, empty when absent, null or not a scalar. */
    public Optional<String> text(String dottedPath) {
        return get(dottedPath)
                .filter(JsonNode::isValueNode)
                .filter(v -> !v.isNull())
                .map(JsonNode::asText);
    }

    /** The value at {@code dottedPath} as a list of strings: a string gives one element, a list its scalar items. */
    public List<String> strings(String dottedPath) {
        Optional<JsonNode> value = get(dottedPath);
        if (value.isEmpty() || value.get().isNull()) {
            return List.of();
        }
        JsonNode node = value.get();
        if (node.isArray()) {
            List<String> items = new ArrayList<>(node.size());
            node.forEach(item -> {
                if (item.isValueNode() && !item.isNull()) {
                    items.add(item.asText());
                }
            });
            return List.copyOf(items);
        }
        return node.isValueNode() ? List.of(node.asText()) : List.of();
    }

    /** {@code materialized}, empty when not configured (for example on sources and exposures). */
    public Optional<String> materialized() {
        return text("materialized");
    }

    /** {@code enabled}; dbt's default is true. */
    public boolean enabled() {
        return get("enabled").map(v -> v.isNull() || v.asBoolean(true)).orElse(true);
    }

    /** {@code full_refresh}: empty when null or absent (dbt then follows the {@code --full-refresh} flag). */
    public Optional<Boolean> fullRefresh() {
        return get("full_refresh").filter(JsonNode::isBoolean).map(JsonNode::booleanValue);
    }
}
