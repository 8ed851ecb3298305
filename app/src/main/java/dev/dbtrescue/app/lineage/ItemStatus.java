// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.status.ProjectStatus;
import java.util.List;

/** The drawn status of items and the badges of their rolled-up tests. Pure. */
final class ItemStatus {

    /** Worst first: a collapsed group shows the worst status of its members. */
    private static final List<NodeStatus> SEVERITY = List.of(
            NodeStatus.ERROR,
            NodeStatus.FAIL,
            NodeStatus.SKIPPED,
            NodeStatus.WARN,
            NodeStatus.STALE,
            NodeStatus.NOT_RUN,
            NodeStatus.SUCCESS,
            NodeStatus.FRESH);

    private ItemStatus() {}

    static NodeStatus[] statuses(Projection projection, ProjectStatus status) {
        LineageGraph graph = projection.graph();
        NodeStatus[] out = new NodeStatus[projection.itemCount()];
        for (int item = 0; item < out.length; item++) {
            NodeStatus worst = null;
            for (int m : projection.members(item)) {
                NodeStatus s = NodeStatus.of(status.stateOf(graph.nodeAt(m).id()));
                if (worst == null || SEVERITY.indexOf(s) < SEVERITY.indexOf(worst)) {
                    worst = s;
                }
            }
            out[item] = worst == null ? NodeStatus.GROUP : worst;
        }
        return out;
    }

    /** {@code ✓3 ✗1 !1 ·2}: passed, failed or errored, warned, not run. */
    static String[] badges(Projection projection, ProjectStatus status) {
        LineageGraph graph = projection.graph();
        String[] out = new String[projection.itemCount()];
        for (int item = 0; item < out.length; item++) {
            int pass = 0;
            int fail = 0;
            int warn = 0;
            int notRun = 0;
            for (int t : projection.testsOf(item)) {
                switch (status.stateOf(graph.nodeAt(t).id())) {
                    case SUCCESS -> pass++;
                    case FAIL, ERROR -> fail++;
                    case WARN -> warn++;
                    default -> notRun++;
                }
            }
            out[item] = badge(pass, fail, warn, notRun);
        }
        return out;
    }

    static String badge(int pass, int fail, int warn, int notRun) {
        StringBuilder b = new StringBuilder();
        append(b, "✓", pass);
        append(b, "✗", fail);
        append(b, "!", warn);
        append(b, "·", notRun);
        return b.toString();
    }

    private static void append(StringBuilder b, String mark, int n) {
        if (n > 0) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(mark).append(n);
        }
    }
}
