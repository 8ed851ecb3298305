// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import dev.dbtrescue.graph.NodeId;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The nodes a selector selects, sorted by unique_id, with the warnings dbt would print.
 *
 * @param nodes the selected nodes
 * @param warnings dbt's warnings, e.g. {@code The selection criterion 'x' does not match any enabled nodes}
 */
public record Selection(SortedSet<NodeId> nodes, List<String> warnings) {

    public Selection {
        nodes = Collections.unmodifiableSortedSet(new TreeSet<>(nodes));
        warnings = List.copyOf(warnings);
    }
}
