// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import dev.dbtrescue.graph.NodeId;
import java.util.Objects;

/**
 * A row that names another node and leads to it when clicked (a skipped node, an exposure, a test, a neighbour).
 *
 * @param label what the row shows, already formatted
 * @param id the node it leads to
 */
public record LinkedNode(String label, NodeId id) {

    public LinkedNode {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(id, "id");
    }
}
