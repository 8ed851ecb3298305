// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.app.lineage.canvas.NodeLook;
import dev.dbtrescue.graph.LineageGraph;
import java.util.BitSet;

/** Maps graph-level selection, search hits and focus onto drawn items. Pure; O(selected nodes + their parents). */
final class Looks {

    private Looks() {}

    static NodeLook of(LineageLayout layout, NodeSelection selection, BitSet searchHits, int focusedNode) {
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
        return new NodeLook(
                layout.status(), layout.badges(), selected, boundary, !nodes.isEmpty(), highlighted, focused);
    }
}
