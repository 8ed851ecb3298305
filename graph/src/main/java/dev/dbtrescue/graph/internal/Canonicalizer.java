// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.graph.NodeConfig;
import dev.dbtrescue.graph.NodeId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Shares equal values within one artifact read. A large manifest repeats itself: tens of thousands of tests carry
 * one of a handful of configs, models of a folder share theirs, and paths, packages and tags recur on every node.
 * Keeping one instance of each cuts the memory a loaded project holds (and the garbage collector's work while
 * loading) several-fold. Trees are compared deeply ({@link JsonNode#equals}) and are never modified afterwards.
 *
 * <p>Read from bytes ({@link #tree(JsonBytes)}, {@link #config(JsonBytes)}), an object that repeats byte for byte an
 * earlier one is not built again: the earlier tree or config is found from the object's bytes. On the 15,000-model
 * manifest four in five of the {@code config}, {@code unrendered_config}, {@code meta} and {@code freshness} objects
 * are such repeats. Node ids are shared too ({@link #id}): a node, the {@code depends_on} of its dependents and the
 * {@code parent_map} name it.
 *
 * <p>Not thread-safe: one instance per read.
 */
public final class Canonicalizer {

    private final Map<JsonNode, JsonNode> trees = new HashMap<>();
    private final Map<String, String> strings = new HashMap<>();
    private final Map<List<String>, List<String>> lists = new HashMap<>();
    private final Map<Bytes, JsonNode> treesByBytes = new HashMap<>();
    private final Map<String, NodeId> ids = new HashMap<>();
    private final Map<Bytes, NodeConfig> configs = new HashMap<>();

    /** The shared instance equal to {@code tree}. */
    public JsonNode tree(JsonNode tree) {
        if (tree.isMissingNode()) {
            return tree;
        }
        JsonNode shared = trees.putIfAbsent(tree, tree);
        return shared == null ? tree : shared;
    }

    /**
     * Reads the value at the cursor as a shared tree, as {@code tree(cursor.tree())} would. An object whose bytes
     * equal those of an earlier object read here is passed over and answered with the earlier tree.
     *
     * @throws JsonBytes.Malformed if the value is not valid JSON
     */
    public JsonNode tree(JsonBytes cursor) throws JsonBytes.Malformed {
        if (cursor.peek() != '{') {
            return tree(cursor.tree());
        }
        return byBytes(cursor, treesByBytes, json -> tree(new JsonBytes(json, 0, json.length).tree()));
    }

    /**
     * Reads the value at the cursor as a config whose tree is built when first asked for ({@link NodeConfig#ofJson});
     * configs with the same bytes are one instance. A value that is not an object is read as a tree at once.
     *
     * @throws JsonBytes.Malformed if the value is not valid JSON
     */
    public NodeConfig config(JsonBytes cursor) throws JsonBytes.Malformed {
        if (cursor.peek() != '{') {
            return new NodeConfig(tree(cursor.tree()));
        }
        return byBytes(cursor, configs, NodeConfig::ofJson);
    }

    /**
     * Passes over the object at the cursor and answers what {@code known} holds for its bytes, made from a copy of
     * them the first time they are met.
     */
    private static <T> T byBytes(JsonBytes cursor, Map<Bytes, T> known, FromBytes<T> make) throws JsonBytes.Malformed {
        int start = cursor.pos();
        cursor.skipValue();
        var probe = new Bytes(cursor.bytes(), start, cursor.pos() - start);
        T found = known.get(probe);
        if (found == null) {
            Bytes kept = probe.copy();
            found = make.from(kept.array);
            known.put(kept, found);
        }
        return found;
    }

    /** Makes a value from the bytes of a JSON object whose grammar has been checked. */
    @FunctionalInterface
    private interface FromBytes<T> {
        T from(byte[] json) throws JsonBytes.Malformed;
    }

    /** The shared instance equal to {@code text}; null stays null. */
    public @Nullable String string(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String shared = strings.putIfAbsent(text, text);
        return shared == null ? text : shared;
    }

    /** The shared id for {@code uniqueId}: a node is named by its id, its dependents and the parent_map. */
    public NodeId id(String uniqueId) {
        return ids.computeIfAbsent(uniqueId, NodeId::new);
    }

    /** The shared immutable list equal to {@code items}, its strings shared too. */
    public List<String> list(List<String> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<String> shared = lists.get(items);
        if (shared == null) {
            shared = items.stream().map(this::string).toList();
            lists.put(shared, shared);
        }
        return shared;
    }

    /** A run of bytes compared by content; a probe points into the input, a kept key owns a copy. */
    private static final class Bytes {
        private final byte[] array;
        private final int from;
        private final int length;
        private final int hash;

        Bytes(byte[] array, int from, int length) {
            this(array, from, length, hash(array, from, length));
        }

        private Bytes(byte[] array, int from, int length, int hash) {
            this.array = array;
            this.from = from;
            this.length = length;
            this.hash = hash;
        }

        Bytes copy() {
            return new Bytes(Arrays.copyOfRange(array, from, from + length), 0, length, hash);
        }

        private static int hash(byte[] array, int from, int length) {
            int h = 1;
            for (int i = from, end = from + length; i < end; i++) {
                h = 31 * h + array[i];
            }
            return h;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that
                    && hash == that.hash
                    && Arrays.equals(array, from, from + length, that.array, that.from, that.from + that.length);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
