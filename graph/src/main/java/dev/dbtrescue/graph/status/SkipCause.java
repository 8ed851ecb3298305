// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import dev.dbtrescue.graph.NodeId;
import java.util.List;

/**
 * Why a node was skipped.
 *
 * @param skipped the skipped node
 * @param causes the failed upstream nodes of the same invocation that made dbt skip it, sorted; empty when none is
 *     in the loaded results (e.g. {@code --fail-fast} or an interrupted run)
 */
public record SkipCause(NodeId skipped, List<NodeId> causes) {

    public SkipCause {
        causes = List.copyOf(causes);
    }
}
