// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutGraphTest {

    @Test
    void keepsEdgesInTheOrderGivenWithDuplicates() {
        LayoutGraph graph = LayoutGraph.of(3, new int[] {0, 1, 0}, new int[] {1, 2, 1});
        assertEquals(
                List.of(3, 3, 0, 1, 1, 2, 0, 1),
                List.of(
                        graph.nodeCount(),
                        graph.edgeCount(),
                        graph.edgeSource(0),
                        graph.edgeTarget(0),
                        graph.edgeSource(1),
                        graph.edgeTarget(1),
                        graph.edgeSource(2),
                        graph.edgeTarget(2)));
    }

    @Test
    void copiesTheEdgeArrays() {
        int[] sources = {0};
        LayoutGraph graph = LayoutGraph.of(2, sources, new int[] {1});
        sources[0] = 1;
        assertEquals(0, graph.edgeSource(0));
    }

    @Test
    void rejectsACycleAndNamesIt() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> LayoutGraph.of(4, new int[] {0, 1, 2, 3}, new int[] {1, 2, 3, 1}));
        assertEquals("the edges form a cycle: 1 -> 2 -> 3 -> 1", e.getMessage());
    }

    @Test
    void rejectsASelfLoop() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LayoutGraph.of(2, new int[] {1}, new int[] {1}));
        assertEquals("edge 0 is a self loop on node 1", e.getMessage());
    }

    @Test
    void rejectsAnEndpointOutOfRange() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LayoutGraph.of(2, new int[] {0}, new int[] {2}));
        assertEquals("edge 0 (0 -> 2) has an endpoint outside 0..1", e.getMessage());
    }

    @Test
    void rejectsEdgeArraysOfDifferentLengths() {
        assertThrows(IllegalArgumentException.class, () -> LayoutGraph.of(2, new int[] {0}, new int[0]));
    }

    @Test
    void rejectsANegativeNodeCount() {
        assertThrows(IllegalArgumentException.class, () -> LayoutGraph.of(-1, new int[0], new int[0]));
    }

    @Test
    void optionsRejectANonPositiveNodeSize() {
        assertThrows(IllegalArgumentException.class, () -> new LayoutOptions(0, 36, 80, 12, 8));
    }
}
