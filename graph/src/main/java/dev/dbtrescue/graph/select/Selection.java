// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * The nodes a selector selects, with the warnings dbt would print. Immutable.
 */
public final class Selection {

    private final LineageGraph graph;
    private final BitSet selected;
    private final List<NodeId> nodes;
    private final List<String> warnings;

    Selection(LineageGraph graph, BitSet selected, List<NodeId> sortedNodes, List<String> warnings) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.selected = (BitSet) selected.clone();
        this.nodes = List.copyOf(sortedNodes);
        this.warnings = List.copyOf(warnings);
    }

    /** The selected nodes, sorted by unique_id (the order {@code dbt ls} prints them in). */
    public List<NodeId> nodes() {
        return nodes;
    }

    /**
     * The selected nodes as their graph indices ({@link LineageGraph#indexOf}), as a new set: cheaper than looking up
     * {@link #nodes()} one by one.
     */
    public BitSet indices() {
        return (BitSet) selected.clone();
    }

    /** How many nodes are selected. */
    public int size() {
        return nodes.size();
    }

    /** True if the node is selected. O(1). */
    public boolean contains(NodeId id) {
        return graph.contains(id) && selected.get(graph.indexOf(id));
    }

    /** dbt's warnings, e.g. {@code The selection criterion 'x' does not match any enabled nodes}. */
    public List<String> warnings() {
        return warnings;
    }
}
