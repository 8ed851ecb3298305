// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.TestSessions;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProjectionTest {

    private final LineageGraph demo = TestSessions.failedBuild().project().graph();
    private final int payments = demo.indexOf(NodeId.of("model.rescue_shop.fct_payments"));

    @Test
    void testsAreHiddenByDefaultAndRollUpOntoTheModelTheyTest() {
        Projection p = Projection.of(demo, ViewOptions.DEFAULT);

        int notNull = testOf("not_null_fct_payments_payment_id");
        assertEquals(-1, p.itemOf(notNull));
        assertTrue(Arrays.stream(p.testsOf(p.itemOf(payments))).anyMatch(t -> t == notNull));
        long drawable = demo.nodes().stream().filter(n -> !n.type().isTest()).count();
        assertEquals(drawable, p.itemCount());
    }

    @Test
    void shownTestsAreDrawnAndNotRolledUp() {
        Projection p = Projection.of(demo, ViewOptions.DEFAULT.withTypeShown(NodeType.TEST, true));

        assertEquals(
                demo.nodes().stream()
                        .filter(n -> n.type() != NodeType.UNIT_TEST)
                        .count(),
                p.itemCount());
        assertEquals(0, p.testsOf(p.itemOf(payments)).length);
    }

    @Test
    void edgesAreTheGraphsEdgesBetweenDrawnNodes() {
        Projection p = Projection.of(demo, ViewOptions.DEFAULT);

        Set<String> expected = new HashSet<>();
        for (int i = 0; i < demo.size(); i++) {
            for (int parent : demo.parentIndices(i)) {
                if (p.itemOf(i) >= 0 && p.itemOf(parent) >= 0) {
                    expected.add(p.label(p.itemOf(parent)) + ">" + p.label(p.itemOf(i)));
                }
            }
        }
        assertEquals(expected, edges(p));
    }

    @Test
    void aScopeDrawsOnlyItsNodes() {
        BitSet scope = new BitSet();
        scope.set(payments);
        for (int parent : demo.parentIndices(payments)) {
            scope.set(parent);
        }

        Projection p = Projection.of(demo, ViewOptions.DEFAULT.withScope(Optional.of(scope)));

        assertEquals(scope, p.drawnNodes());
        assertEquals(demo.parentIndices(payments).length, p.edgeSources().length);
    }

    private int testOf(String prefix) {
        return demo.indexOf(demo.nodes().stream()
                .filter(n -> n.id().toString().startsWith("test.rescue_shop." + prefix))
                .findFirst()
                .orElseThrow()
                .id());
    }

    @Test
    void folderGroupingCollapsesEachFolderIntoOneItemAndKeepsADag() {
        Projection p = Projection.of(demo, ViewOptions.DEFAULT.withGrouping(Grouping.FOLDER));

        Set<String> folders = new HashSet<>();
        for (Node node : demo.nodes()) {
            if (!node.type().isTest()) {
                folders.add(Projection.groupKey(node, Grouping.FOLDER));
            }
        }
        assertEquals(folders.size(), p.itemCount());
        int[] src = p.edgeSources();
        int[] dst = p.edgeTargets();
        assertTrue(src.length > 0);
        assertEquals(src.length, new HashSet<>(edges(p)).size(), "no duplicate edges between groups");
        assertTrue(topologicallyOrdered(p.itemCount(), src, dst), "layout edges form a DAG");
    }

    @Test
    void anExpandedGroupIsDrawnAsItsMembers() {
        String staging = "rescue_shop/models/staging/shop";
        ViewOptions grouped = ViewOptions.DEFAULT.withGrouping(Grouping.FOLDER);

        Projection collapsed = Projection.of(demo, grouped);
        Projection expanded = Projection.of(demo, grouped.withGroupExpanded(staging, true));

        int members = 0;
        for (int item = 0; item < collapsed.itemCount(); item++) {
            if (collapsed.group(item).filter(staging::equals).isPresent()) {
                members = collapsed.members(item).length;
            }
        }
        assertTrue(members > 1, "the demo has several shop staging models");
        assertEquals(collapsed.itemCount() - 1 + members, expanded.itemCount());
    }

    private static Set<String> edges(Projection p) {
        Set<String> out = new HashSet<>();
        int[] src = p.edgeSources();
        int[] dst = p.edgeTargets();
        for (int e = 0; e < src.length; e++) {
            out.add(p.label(src[e]) + ">" + p.label(dst[e]));
        }
        return out;
    }

    /** Kahn's algorithm consumes every item only if there is no cycle. */
    private static boolean topologicallyOrdered(int n, int[] src, int[] dst) {
        int[] in = new int[n];
        for (int t : dst) {
            in[t]++;
        }
        java.util.ArrayDeque<Integer> ready = new java.util.ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (in[i] == 0) {
                ready.add(i);
            }
        }
        int seen = 0;
        while (!ready.isEmpty()) {
            int i = ready.poll();
            seen++;
            for (int e = 0; e < src.length; e++) {
                if (src[e] == i && --in[dst[e]] == 0) {
                    ready.add(dst[e]);
                }
            }
        }
        return seen == n;
    }
}
