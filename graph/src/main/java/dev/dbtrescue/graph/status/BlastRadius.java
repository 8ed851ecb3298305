// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import dev.dbtrescue.graph.NodeId;
import java.util.List;

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

    /** Downstream models, snapshots, seeds and exposures together. */
    public int total() {
        return models + snapshots + seeds + exposures.size();
    }

    /** True above {@value #MAJOR_INCIDENT_THRESHOLD} downstream resources. */
    public boolean majorIncident() {
        return total() > MAJOR_INCIDENT_THRESHOLD;
    }
}
