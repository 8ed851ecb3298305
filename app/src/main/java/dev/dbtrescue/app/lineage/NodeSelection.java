// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import java.util.BitSet;
import java.util.Objects;

/**
 * What is selected for a rebuild: graph indices plus the dbt selector that selects exactly them.
 *
 * @param nodes the selected graph indices (a copy is kept)
 * @param select the {@code --select} value that gives them, empty when nothing is selected
 * @param exclude the {@code --exclude} value, empty when none
 * @param origin where the selection came from, for the status line ({@code Failed + downstream}, {@code selector},
 *     {@code edited})
 */
public record NodeSelection(BitSet nodes, String select, String exclude, String origin) {

    /** Nothing selected. */
    public static final NodeSelection NONE = new NodeSelection(new BitSet(), "", "", "");

    public NodeSelection {
        nodes = (BitSet) nodes.clone();
        Objects.requireNonNull(select, "select");
        Objects.requireNonNull(exclude, "exclude");
        Objects.requireNonNull(origin, "origin");
    }

    /** A copy of the selected graph indices. */
    @Override
    public BitSet nodes() {
        return (BitSet) nodes.clone();
    }

    /** True if the graph index is selected. */
    public boolean contains(int graphIndex) {
        return nodes.get(graphIndex);
    }

    /** How many nodes are selected. */
    public int size() {
        return nodes.cardinality();
    }

    /** True when nothing is selected. */
    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** The selection as dbt arguments, shell-quoted, ready to paste after {@code dbt build}. */
    public String arguments() {
        if (select.isEmpty()) {
            return "";
        }
        String args = "--select " + quote(select);
        return exclude.isEmpty() ? args : args + " --exclude " + quote(exclude);
    }

    private static String quote(String value) {
        return dev.dbtrescue.graph.plan.ShellQuoting.quote(value);
    }
}
