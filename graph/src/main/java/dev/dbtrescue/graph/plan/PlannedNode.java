// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import java.util.Objects;

/**
 * A node in a batch.
 *
 * @param id the node
 * @param type its resource type
 * @param name its name as {@code dbt ls --output name} prints it, for people
 * @param selector the selector that names exactly this node on the command line
 * @param estimate its expected execution time
 * @param companion true for a test, exposure or saved query that travels with the node it belongs to (it runs after
 *     all its selected parents, in the batch of the last of them) and does not count toward the node limit
 * @param heavy true if it is isolated as heavy (a full refresh of an incremental model, or an estimate over the
 *     threshold)
 * @param fullRefresh true if it is rebuilt with {@code --full-refresh}
 */
public record PlannedNode(
        NodeId id,
        NodeType type,
        String name,
        String selector,
        Estimate estimate,
        boolean companion,
        boolean heavy,
        boolean fullRefresh) {

    public PlannedNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(estimate, "estimate");
    }
}
