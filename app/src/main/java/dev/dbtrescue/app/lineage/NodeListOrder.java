// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.app.lineage.SelectionViewModel.NodeRow;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Every node's row of the selection's node list, in the list's order (resource type, then name, then graph index),
 * made once per graph. Listing a selection then walks this order instead of sorting its rows: on the 15,000-model
 * project a sort of a large selection took 20-55 ms, competing for the cores with the selector typed next. Thread-safe.
 */
final class NodeListOrder {

    /** By graph, held weakly: an order lives as long as its project. */
    private static final Map<LineageGraph, NodeListOrder> ORDERS = Collections.synchronizedMap(new WeakHashMap<>());

    private final NodeRow[] rows;

    private NodeListOrder(LineageGraph graph) {
        List<NodeRow> all = new ArrayList<>(graph.size());
        for (int i = 0; i < graph.size(); i++) {
            Node node = graph.nodeAt(i);
            all.add(new NodeRow(
                    i, node.displayName(), node.type().dbtName(), node.id().toString()));
        }
        // stable: rows of the same type and name stay in graph order
        all.sort(Comparator.comparing(NodeRow::type).thenComparing(NodeRow::name));
        rows = all.toArray(NodeRow[]::new);
    }

    /** The order of {@code graph}, made on the first call (a sort of all its nodes) and kept while the graph lives. */
    static NodeListOrder of(LineageGraph graph) {
        return ORDERS.computeIfAbsent(graph, NodeListOrder::new);
    }

    /** The rows of the set nodes (graph indices), in list order. O(nodes of the graph). */
    List<NodeRow> rowsOf(BitSet nodes) {
        List<NodeRow> list = new ArrayList<>(nodes.cardinality());
        for (NodeRow row : rows) {
            if (nodes.get(row.graphIndex())) {
                list.add(row);
            }
        }
        return Collections.unmodifiableList(list);
    }
}
