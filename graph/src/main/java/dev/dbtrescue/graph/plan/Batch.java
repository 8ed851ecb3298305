// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import dev.dbtrescue.graph.NodeId;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Nodes that run together in one dbt invocation; batch {@code n} may start once batches {@code 1..n-1} succeeded.
 *
 * @param number 1-based position in the plan
 * @param nodes the nodes, in the order the planner took them (dependencies first, companions after their owner)
 * @param estimated the expected wall time with the plan's thread count (dbt runs independent nodes in parallel)
 * @param flags what needs attention
 * @param notes one sentence per flag or caveat, for people
 * @param command the dbt invocation that runs exactly these nodes
 */
public record Batch(
        int number,
        List<PlannedNode> nodes,
        Duration estimated,
        Set<BatchFlag> flags,
        List<String> notes,
        DbtCommand command) {

    public Batch {
        if (number < 1) {
            throw new IllegalArgumentException("batch numbers start at 1, was " + number);
        }
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(estimated, "estimated");
        flags = flags.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(BatchFlag.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        notes = List.copyOf(notes);
        Objects.requireNonNull(command, "command");
    }

    /** The node ids, in batch order. */
    public List<NodeId> ids() {
        return nodes.stream().map(PlannedNode::id).toList();
    }

    /** The nodes that count toward the node limit (not the companions). */
    public int primaryCount() {
        return (int) nodes.stream().filter(n -> !n.companion()).count();
    }

    /** True if any node's estimate is a default rather than measured. */
    public boolean hasDefaultEstimates() {
        return nodes.stream().anyMatch(n -> n.estimate().isDefault());
    }
}
