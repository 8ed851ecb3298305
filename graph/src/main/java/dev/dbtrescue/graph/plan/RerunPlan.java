// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Ordered batches of a rescue, with what they were made from and how long they are expected to take.
 *
 * @param source what was selected, in which project
 * @param options the constraints and flags
 * @param estimateThreads the thread count the estimates assume
 * @param batches the batches, in run order
 * @param criticalPath the longest dependent chain
 * @param notRun selected resources the command does not execute (sources, for instance), counted by type
 * @param warnings what the user should know about the plan as a whole
 */
public record RerunPlan(
        PlanSource source,
        PlanOptions options,
        int estimateThreads,
        List<Batch> batches,
        CriticalPath criticalPath,
        Map<NodeType, Integer> notRun,
        List<String> warnings) {

    /** The version of the plan document this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public RerunPlan {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        batches = List.copyOf(batches);
        Objects.requireNonNull(criticalPath, "criticalPath");
        notRun = Collections.unmodifiableMap(new LinkedHashMap<>(notRun));
        warnings = List.copyOf(warnings);
    }

    /** The number of nodes over all batches. */
    public int nodeCount() {
        return batches.stream().mapToInt(b -> b.nodes().size()).sum();
    }

    /** The expected wall time of the batches run one after another. */
    public Duration estimated() {
        return batches.stream().map(Batch::estimated).reduce(Duration.ZERO, Duration::plus);
    }

    /** The batch that holds a node. */
    public Optional<Batch> batchOf(NodeId id) {
        return batches.stream().filter(b -> b.ids().contains(id)).findFirst();
    }
}
