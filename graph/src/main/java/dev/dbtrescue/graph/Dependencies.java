// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import java.util.List;

/**
 * A node's {@code depends_on}.
 *
 * @param nodes the unique_ids of the resources it reads, in the artifact's order
 * @param macros the unique_ids of the macros it calls directly
 */
public record Dependencies(List<NodeId> nodes, List<String> macros) {

    /** No dependencies. */
    public static final Dependencies NONE = new Dependencies(List.of(), List.of());

    public Dependencies {
        nodes = List.copyOf(nodes);
        macros = List.copyOf(macros);
    }
}
