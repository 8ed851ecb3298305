// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import dev.dbtrescue.graph.NodeId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The longest chain of dependent nodes in the plan by estimated time: no split and no thread count can finish sooner.
 *
 * @param nodes the chain, upstream first
 * @param duration the sum of their estimates
 */
public record CriticalPath(List<NodeId> nodes, Duration duration) {

    /** No nodes. */
    public static final CriticalPath EMPTY = new CriticalPath(List.of(), Duration.ZERO);

    public CriticalPath {
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(duration, "duration");
    }
}
