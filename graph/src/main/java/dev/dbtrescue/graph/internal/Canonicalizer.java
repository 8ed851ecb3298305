// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.internal;

import com.fasterxml.jackson.databind.JsonNode;
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
 * <p>Not thread-safe: one instance per read.
 */
public final class Canonicalizer {

    private final Map<JsonNode, JsonNode> trees = new HashMap<>();
    private final Map<String, String> strings = new HashMap<>();
    private final Map<List<String>, List<String>> lists = new HashMap<>();

    /** The shared instance equal to {@code tree}. */
    public JsonNode tree(JsonNode tree) {
        if (tree.isMissingNode()) {
            return tree;
        }
        JsonNode shared = trees.putIfAbsent(tree, tree);
        return shared == null ? tree : shared;
    }

    /** The shared instance equal to {@code text}; null stays null. */
    public @Nullable String string(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String shared = strings.putIfAbsent(text, text);
        return shared == null ? text : shared;
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
}
