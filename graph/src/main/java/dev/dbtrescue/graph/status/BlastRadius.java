// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a failure keeps from being built: the models, snapshots, seeds and exposures downstream of it.
 *
 * @param models downstream models (ephemeral ones included)
 * @param snapshots downstream snapshots
 * @param seeds downstream seeds
 * @param exposures the downstream exposures, sorted
 */
public record BlastRadius(int models, int snapshots, int seeds, List<NodeId> exposures) {

    /** Above this many downstream resources a failure is a major incident (on-call runbook threshold). */
    public static final int MAJOR_INCIDENT_THRESHOLD = 50;

    /** Nothing downstream. */
    public static final BlastRadius NONE = new BlastRadius(0, 0, 0, List.of());

    public BlastRadius {
        exposures = List.copyOf(exposures);
    }

    /**
     * Counts what a set of downstream nodes holds: models, snapshots, seeds and exposures; tests, metrics and the like
     * are not built, so not counted. O(set bits).
     *
     * @param graph the graph the indices belong to
     * @param downstream graph indices, for example {@link LineageGraph#descendants(BitSet, int)} of a node
     */
    public static BlastRadius of(LineageGraph graph, BitSet downstream) {
        int models = 0;
        int snapshots = 0;
        int seeds = 0;
        Set<NodeId> exposures = new TreeSet<>();
        for (int i = downstream.nextSetBit(0); i >= 0; i = downstream.nextSetBit(i + 1)) {
            Node node = graph.nodeAt(i);
            switch (node.type()) {
                case MODEL -> models++;
                case SNAPSHOT -> snapshots++;
                case SEED -> seeds++;
                case EXPOSURE -> exposures.add(node.id());
                default -> {
                    // tests, metrics, semantic models, ...: not built, so not counted
                }
            }
        }
        return new BlastRadius(models, snapshots, seeds, List.copyOf(exposures));
    }

    /** Downstream models, snapshots, seeds and exposures together. */
    public int total() {
        return models + snapshots + seeds + exposures.size();
    }

    /** True above {@value #MAJOR_INCIDENT_THRESHOLD} downstream resources. */
    public boolean majorIncident() {
        return total() > MAJOR_INCIDENT_THRESHOLD;
    }
}
