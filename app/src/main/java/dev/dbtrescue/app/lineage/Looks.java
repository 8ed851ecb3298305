// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.app.lineage.canvas.NodeLook;
import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import dev.dbtrescue.graph.LineageGraph;
import java.util.BitSet;

/** Maps graph-level selection, search hits and focus onto drawn items. Pure; O(selected nodes + their parents). */
final class Looks {

    private Looks() {}

    static NodeLook of(LineageLayout layout, NodeSelection selection, BitSet searchHits, int focusedNode) {
        return of(layout, selection, searchHits, focusedNode, RunOverlay.NONE);
    }

    /** As above, with batch numbers and live statuses drawn over the layout's own (O(overlay) more). */
    static NodeLook of(
            LineageLayout layout, NodeSelection selection, BitSet searchHits, int focusedNode, RunOverlay overlay) {
        Projection projection = layout.projection();
        LineageGraph graph = projection.graph();
        int n = projection.itemCount();
        BitSet selected = new BitSet(n);
        BitSet boundary = new BitSet(n);
        BitSet nodes = selection.nodes();
        for (int i = nodes.nextSetBit(0); i >= 0; i = nodes.nextSetBit(i + 1)) {
            int item = projection.itemOf(i);
            if (item < 0) {
                continue;
            }
            selected.set(item);
            if (!graph.parentsWithin(i, nodes)) {
                boundary.set(item);
            }
        }
        BitSet highlighted = new BitSet(n);
        for (int i = searchHits.nextSetBit(0); i >= 0; i = searchHits.nextSetBit(i + 1)) {
            int item = projection.itemOf(i);
            if (item >= 0) {
                highlighted.set(item);
            }
        }
        int focused = focusedNode < 0 ? -1 : projection.itemOf(focusedNode);
        NodeStatus[] status = layout.status();
        if (!overlay.live().isEmpty()) {
            status = status.clone();
            for (var entry : overlay.live().entrySet()) {
                int item = projection.itemOf(entry.getKey());
                if (item >= 0) {
                    status[item] = entry.getValue();
                }
            }
        }
        String[] badges = layout.badges();
        if (!overlay.batches().isEmpty()) {
            badges = badges.clone();
            int[] first = new int[n];
            for (var entry : overlay.batches().entrySet()) {
                int item = projection.itemOf(entry.getKey());
                if (item >= 0 && (first[item] == 0 || entry.getValue() < first[item])) {
                    first[item] = entry.getValue();
                }
            }
            for (int item = 0; item < n; item++) {
                if (first[item] > 0) {
                    String tests = badges[item] == null ? "" : badges[item];
                    badges[item] = "B" + first[item] + (tests.isEmpty() ? "" : "  " + tests);
                }
            }
        }
        return new NodeLook(status, badges, selected, boundary, !nodes.isEmpty(), highlighted, focused);
    }
}
