// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which nodes could match a pattern-free fqn or source selector: every name a match has to agree with, mapped to the
 * nodes that carry it. A pattern-free fqn value matches a node only if its last dotted part is one of the node's flat
 * fqn parts, or the whole value is the node's leaf name, its model name or its {@code name_vN}; a source value only if
 * its source (one part) or table (more parts) is the node's. The matcher then applies dbt's rules to these candidates
 * alone. Immutable; O(fqn parts) to build.
 */
final class NameIndex {

    private final Map<String, int[]> nodes;

    NameIndex(LineageGraph graph, String[][] flatFqn) {
        Map<String, List<Integer>> built = new HashMap<>();
        for (int i = 0; i < graph.size(); i++) {
            Node n = graph.nodeAt(i);
            if (n.type() == NodeType.SOURCE) {
                add(built, "s:" + n.details().source().map(s -> s.sourceName()).orElse(""), i);
                add(built, "t:" + n.name(), i);
                continue;
            }
            for (String part : flatFqn[i]) {
                add(built, "f:" + part, i);
            }
            List<String> fqn = n.fqn();
            if (!fqn.isEmpty()) {
                add(built, "f:" + fqn.getLast(), i);
            }
            if (fqn.size() >= 2) {
                add(built, "f:" + fqn.get(fqn.size() - 2), i);
                add(built, "f:" + fqn.get(fqn.size() - 2) + "_" + fqn.getLast(), i);
            }
        }
        this.nodes = new HashMap<>(built.size() * 2);
        built.forEach((key, list) ->
                nodes.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** The nodes under any of the keys, ascending and without repeats. */
    int[] union(String... keys) {
        int[] out = new int[0];
        for (String key : keys) {
            int[] more = nodes.get(key);
            if (more != null) {
                out = merge(out, more);
            }
        }
        return out;
    }

    private static void add(Map<String, List<Integer>> into, String key, int node) {
        List<Integer> list = into.computeIfAbsent(key, k -> new ArrayList<>(2));
        if (list.isEmpty() || list.getLast() != node) {
            list.add(node);
        }
    }

    /** Both sorted arrays merged, without repeats. */
    private static int[] merge(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            int next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
            if (k == 0 || out[k - 1] != next) {
                out[k++] = next;
            }
        }
        return Arrays.copyOf(out, k);
    }
}
