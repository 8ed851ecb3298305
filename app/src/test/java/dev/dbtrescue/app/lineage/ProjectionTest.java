// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.TestGraphs;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProjectionTest {

    private final LineageGraph chain = TestGraphs.of(
            "source:raw.orders -> stg_orders -> orders -> test:not_null_orders_id", "orders -> revenue");

    @Test
    void testsAreHiddenByDefaultAndRollUpOntoTheModelTheyTest() {
        Projection p = Projection.of(chain, ViewOptions.DEFAULT);

        assertEquals(List.of("raw.orders", "stg_orders", "orders", "revenue"), List.of(p.labels()));
        int orders = p.itemOf(chain.indexOf(TestGraphs.id("orders")));
        assertEquals(
                List.of(chain.indexOf(TestGraphs.id("test:not_null_orders_id"))),
                Arrays.stream(p.testsOf(orders)).boxed().toList());
        assertEquals(-1, p.itemOf(chain.indexOf(TestGraphs.id("test:not_null_orders_id"))));
    }

    @Test
    void shownTestsAreDrawnAndNotRolledUp() {
        Projection p = Projection.of(chain, ViewOptions.DEFAULT.withTypeShown(NodeType.TEST, true));

        assertEquals(5, p.itemCount());
        assertEquals(0, p.testsOf(p.itemOf(chain.indexOf(TestGraphs.id("orders")))).length);
    }

    @Test
    void edgesFollowTheGraphBetweenDrawnItems() {
        Projection p = Projection.of(chain, ViewOptions.DEFAULT);

        assertEquals(Set.of("raw.orders>stg_orders", "stg_orders>orders", "orders>revenue"), edges(p));
    }

    @Test
    void aScopeDrawsOnlyItsNodes() {
        BitSet scope = new BitSet();
        scope.set(chain.indexOf(TestGraphs.id("orders")));
        scope.set(chain.indexOf(TestGraphs.id("revenue")));

        Projection p = Projection.of(chain, ViewOptions.DEFAULT.withScope(Optional.of(scope)));

        assertEquals(List.of("orders", "revenue"), List.of(p.labels()));
        assertEquals(Set.of("orders>revenue"), edges(p));
    }

    @Test
    void folderGroupingCollapsesEachFolderIntoOneItemAndKeepsADag() {
        LineageGraph demo = DemoSessions.failed().project().graph();

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
        LineageGraph demo = DemoSessions.failed().project().graph();
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
