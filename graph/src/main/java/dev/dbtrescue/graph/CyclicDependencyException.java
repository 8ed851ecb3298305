// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import java.util.List;

/** The resources' {@code depends_on} form a cycle, which dbt never writes: the manifest is corrupt or hand-edited. */
public final class CyclicDependencyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<NodeId> involved;

    public CyclicDependencyException(List<NodeId> involved) {
        super("depends_on forms a cycle among " + involved.size() + " nodes, e.g. "
                + involved.subList(0, Math.min(5, involved.size())));
        this.involved = List.copyOf(involved);
    }

    /** The nodes on or behind a cycle (those a topological sort could not place). */
    public List<NodeId> involved() {
        return involved;
    }
}
