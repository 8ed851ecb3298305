// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import java.util.Map;

/**
 * What a plan and a run draw over the last-run picture, by graph index: each planned node's batch number (a badge)
 * and each node's live status while dbt runs it (running, then its new result).
 *
 * @param batches batch number per planned node
 * @param live status per node that started or finished in the current run
 */
public record RunOverlay(Map<Integer, Integer> batches, Map<Integer, NodeStatus> live) {

    /** Nothing drawn over the last run. */
    public static final RunOverlay NONE = new RunOverlay(Map.of(), Map.of());

    public RunOverlay {
        batches = Map.copyOf(batches);
        live = Map.copyOf(live);
    }

    /** This overlay with other batch numbers. */
    public RunOverlay withBatches(Map<Integer, Integer> value) {
        return new RunOverlay(value, live);
    }

    /** This overlay with other live statuses. */
    public RunOverlay withLive(Map<Integer, NodeStatus> value) {
        return new RunOverlay(batches, value);
    }
}
