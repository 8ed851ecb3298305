// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import static dev.dbtrescue.graph.TestGraphs.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

class LineageGraphTest {

    private final LineageGraph diamond = TestGraphs.of(
            "source:raw.orders -> stg_orders -> orders -> revenue -> exposure:kpis",
            "stg_orders -> customers -> revenue",
            "seed:countries -> customers");

    @Test
    void parentsFollowDependsOnInOrder() {
        assertEquals(List.of(id("orders"), id("customers")), diamond.parentsOf(id("revenue")));
    }

    @Test
    void childrenAreTheInverseOfParents() {
        assertEquals(Set.of(id("orders"), id("customers")), Set.copyOf(diamond.childrenOf(id("stg_orders"))));
    }

    @Test
    void descendantsExcludeTheNodeItself() {
        assertEquals(
                Set.of(id("orders"), id("customers"), id("revenue"), id("exposure:kpis")),
                diamond.descendantsOf(id("stg_orders")));
    }

    @Test
    void ancestorsReachSourcesAndSeeds() {
        assertEquals(
                Set.of(id("orders"), id("customers"), id("stg_orders"), id("source:raw.orders"), id("seed:countries")),
                diamond.ancestorsOf(id("revenue")));
    }

    @Test
    void depthLimitStopsTheWalk() {
        assertEquals(Set.of(id("orders"), id("customers")), diamond.descendantsOf(List.of(id("stg_orders")), 1));
        assertEquals(Set.of(), diamond.descendantsOf(List.of(id("stg_orders")), 0));
    }

    @Test
    void walkFromSeveralRootsIncludesARootReachedFromAnother() {
        assertEquals(
                Set.of(id("stg_orders"), id("orders"), id("customers"), id("revenue"), id("exposure:kpis")),
                diamond.descendantsOf(List.of(id("source:raw.orders"), id("stg_orders")), LineageGraph.UNLIMITED));
    }

    @Test
    void negativeDepthIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> diamond.ancestorsOf(List.of(id("revenue")), -1));
    }

    @Test
    void topologicalOrderPutsEveryParentBeforeItsChildren() {
        List<NodeId> order = diamond.topologicalOrder();
        assertEquals(diamond.size(), order.size());
        for (Node node : diamond.nodes()) {
            for (NodeId parent : diamond.parentsOf(node.id())) {
                assertTrue(order.indexOf(parent) < order.indexOf(node.id()), parent + " before " + node.id());
            }
        }
    }

    @Test
    void topologicalOrderIsDeterministic() {
        assertEquals(
                diamond.topologicalOrder(),
                TestGraphs.of(
                                "source:raw.orders -> stg_orders -> orders -> revenue -> exposure:kpis",
                                "stg_orders -> customers -> revenue",
                                "seed:countries -> customers")
                        .topologicalOrder());
    }

    @Test
    void depthIsTheLongestPathFromARoot() {
        assertEquals(0, diamond.depthOf(id("seed:countries")));
        assertEquals(2, diamond.depthOf(id("customers")));
        assertEquals(3, diamond.depthOf(id("revenue")));
        assertEquals(4, diamond.maxDepth());
    }

    @Test
    void dependencyOnAMissingNodeGivesNoEdgeAndIsReported() {
        List<Node> nodes = new ArrayList<>(TestGraphs.nodes("a -> b"));
        nodes.remove(0); // b now depends on a missing a
        LineageGraph graph = LineageGraph.of(nodes);
        assertEquals(List.of(), graph.parentsOf(id("b")));
        assertEquals(List.of(new Dependency(id("a"), id("b"))), graph.danglingDependencies());
    }

    @Test
    void duplicateDependencyGivesOneEdge() {
        LineageGraph graph = TestGraphs.of("a -> b", "a -> b");
        assertEquals(1, graph.edgeCount());
    }

    @Test
    void cycleIsRejectedWithTheNodesInvolved() {
        var e = assertThrows(CyclicDependencyException.class, () -> TestGraphs.of("a -> b -> c -> a", "x -> a"));
        assertEquals(Set.of(id("a"), id("b"), id("c")), Set.copyOf(e.involved()));
    }

    @Test
    void unknownNodeIsRejected() {
        var e = assertThrows(UnknownNodeException.class, () -> diamond.parentsOf(id("nope")));
        assertEquals(id("nope"), e.id());
    }

    @Test
    void jgraphtViewHasTheSameVerticesAndEdges() {
        var graph = diamond.asGraph();
        assertEquals(diamond.size(), graph.vertexSet().size());
        assertEquals(diamond.edgeCount(), graph.edgeSet().size());
        DefaultEdge edge = graph.getEdge(id("stg_orders"), id("customers"));
        assertTrue(edge != null);
        assertThrows(UnsupportedOperationException.class, () -> graph.removeVertex(id("orders")));
    }
}
