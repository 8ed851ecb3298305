// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Per-node appearance that changes without a re-layout. {@code badges[i]} may be {@code null} or empty for none;
 * {@code boundary} marks selected nodes whose parents are not selected; {@code focused} is -1 for none.
 */
public record NodeLook(
        NodeStatus[] status,
        String[] badges,
        BitSet selected,
        BitSet boundary,
        boolean dimUnselected,
        BitSet highlighted,
        int focused) {

    /** Every node in {@code status}, nothing selected, highlighted or focused. */
    public static NodeLook uniform(int nodeCount, NodeStatus status) {
        var statuses = new NodeStatus[nodeCount];
        Arrays.fill(statuses, status);
        return new NodeLook(statuses, new String[nodeCount], new BitSet(), new BitSet(), false, new BitSet(), -1);
    }

    /** Status of {@code node}, {@link NodeStatus#NOT_RUN} when none was given. */
    NodeStatus statusOf(int node) {
        return status[node] != null ? status[node] : NodeStatus.NOT_RUN;
    }

    /** Whether {@code node} is drawn faded. */
    boolean dimmed(int node) {
        return dimUnselected && !selected.get(node);
    }

    /**
     * Nodes whose far-zoom dot differs from the one {@code before} gives them (status, dimming, selection, boundary
     * or highlight); both looks are for the same nodes. O(nodes).
     */
    BitSet dotsChangedFrom(NodeLook before) {
        var changed = (BitSet) selected.clone();
        changed.xor(before.selected);
        var other = (BitSet) boundary.clone();
        other.xor(before.boundary);
        changed.or(other);
        other = (BitSet) highlighted.clone();
        other.xor(before.highlighted);
        changed.or(other);
        for (int node = 0; node < status.length; node++) {
            if (statusOf(node) != before.statusOf(node) || dimmed(node) != before.dimmed(node)) {
                changed.set(node);
            }
        }
        return changed;
    }

    /** Badge text of {@code node}, empty for none. */
    String badgeOf(int node) {
        return badges[node] == null ? "" : badges[node];
    }
}
