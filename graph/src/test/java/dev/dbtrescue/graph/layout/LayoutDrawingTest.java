// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link LayeredLayout} draws, on small graphs chosen for one behaviour each. */
class LayoutDrawingTest {

    private static final LayoutOptions OPTIONS = LayoutOptions.DEFAULT;

    private static LayoutResult layout(LayoutGraph graph) {
        LayoutResult result = new LayeredLayout(OPTIONS).layout(graph);
        LayoutInvariants.assertValid(graph, result, OPTIONS);
        return result;
    }

    @Test
    void parentsAreStrictlyLeftOfTheirChildren() {
        LayoutResult result = layout(LayoutGraphs.of(4, new int[] {3, 1}, new int[] {1, 0}, new int[] {3, 2}));
        assertEquals(List.of(0, 1, 2, 1), List.of(result.layer(3), result.layer(1), result.layer(0), result.layer(2)));
        assertTrue(result.x(3) < result.x(1) && result.x(1) < result.x(0));
    }

    @Test
    void aNodeIsOneLayerRightOfItsDeepestParent() {
        LayoutResult result =
                layout(LayoutGraphs.of(4, new int[] {0, 1}, new int[] {1, 2}, new int[] {0, 3}, new int[] {2, 3}));
        assertEquals(List.of(0, 1, 2, 3), List.of(result.layer(0), result.layer(1), result.layer(2), result.layer(3)));
    }

    @Test
    void nodesOfALayerKeepAtLeastTheNodeGap() {
        LayoutResult result = layout(LayoutGraphs.of(
                6, new int[] {0, 1}, new int[] {0, 2}, new int[] {0, 3}, new int[] {0, 4}, new int[] {0, 5}));
        List<Integer> column = LayoutInvariants.layers(result).get(1);
        assertEquals(5, column.size());
        for (int i = 1; i < column.size(); i++) {
            assertEquals(
                    OPTIONS.nodeHeight() + OPTIONS.nodeGap(),
                    result.y(column.get(i)) - result.y(column.get(i - 1)),
                    1e-9);
        }
    }

    @Test
    void aLongEdgeBendsOncePerCrossedLayerBetweenBorders() {
        // 0 -> 1 -> 2 -> 3 and the long edge 0 -> 3 across layers 1 and 2
        LayoutResult result =
                layout(LayoutGraphs.of(4, new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}, new int[] {0, 3}));
        double[] points = result.edgePoints(3);
        double half = OPTIONS.nodeWidth() / 2;
        assertEquals(8, points.length);
        assertEquals(result.x(0) + half, points[0]);
        assertEquals(result.x(1), points[2]);
        assertEquals(result.x(2), points[4]);
        assertEquals(result.x(3) - half, points[6]);
        assertTrue(Math.abs(points[3] - result.y(1)) > OPTIONS.nodeHeight() / 2, "passes beside node 1");
        assertTrue(Math.abs(points[5] - result.y(2)) > OPTIONS.nodeHeight() / 2, "passes beside node 2");
    }

    @Test
    void anEdgeBetweenAdjacentLayersIsOneSegment() {
        LayoutResult result = layout(LayoutGraphs.of(2, new int[] {0, 1}));
        assertArrayEquals(new double[] {180, 18, 260, 18}, result.edgePoints(0));
    }

    @Test
    void aLongEdgeFromALoneRootRunsStraight() {
        // 0 -> 1 -> 2, and root 3 -> 2 across layer 1: nothing stops the bend from lining up with node 3
        LayoutResult result = layout(LayoutGraphs.of(4, new int[] {0, 1}, new int[] {1, 2}, new int[] {3, 2}));
        double[] points = result.edgePoints(2);
        assertEquals(result.y(3), points[3], 1e-9);
    }

    @Test
    void barycenterSweepsRemoveTheClassicCrossing() {
        // 0 -> 3 and 1 -> 2: the initial order (by index) crosses once
        LayoutGraph graph = LayoutGraphs.of(4, new int[] {0, 3}, new int[] {1, 2});
        assertEquals(1, new LayeredLayout(OPTIONS.withSweeps(0)).layout(graph).crossings());
        LayoutResult result = layout(graph);
        assertEquals(0, result.crossings());
        assertTrue(result.y(3) < result.y(2));
    }

    @Test
    void barycenterSweepsUntangleATwoLayerZigzag() {
        // parents 0..3, children 4..7, each child under the "wrong" parents in index order
        LayoutGraph graph = LayoutGraphs.of(
                8, new int[] {0, 7}, new int[] {1, 6}, new int[] {2, 5}, new int[] {3, 4}, new int[] {0, 6}, new int[] {
                    3, 5
                });
        assertTrue(new LayeredLayout(OPTIONS.withSweeps(0)).layout(graph).crossings() > 0);
        assertEquals(0, layout(graph).crossings());
    }

    @Test
    void sameGraphGivesTheSameDrawing() {
        LayoutGraph graph = LayoutGraphs.randomDag(7, 300, 2);
        LayoutResult first = layout(graph);
        LayoutResult second = new LayeredLayout(OPTIONS).layout(LayoutGraphs.randomDag(7, 300, 2));
        for (int v = 0; v < graph.nodeCount(); v++) {
            assertEquals(first.x(v), second.x(v));
            assertEquals(first.y(v), second.y(v));
        }
        for (int e = 0; e < graph.edgeCount(); e++) {
            assertArrayEquals(first.edgePoints(e), second.edgePoints(e));
        }
        assertEquals(first.crossings(), second.crossings());
    }

    @Test
    void emptyGraphHasAnEmptyDrawing() {
        LayoutResult result = layout(LayoutGraph.of(0, new int[0], new int[0]));
        assertEquals(
                List.of(0, 0, 0.0, 0.0, 0L),
                List.of(result.nodeCount(), result.layerCount(), result.width(), result.height(), result.crossings()));
    }

    @Test
    void isolatedNodesAreStackedOnLayerZeroBelowTheConnectedOnes() {
        // 0 and 3 are isolated; 1 -> 2
        LayoutResult result = layout(LayoutGraphs.of(4, new int[] {1, 2}));
        assertEquals(List.of(0, 0, 0), List.of(result.layer(0), result.layer(1), result.layer(3)));
        assertEquals(List.of(List.of(1, 0, 3), List.of(2)), LayoutInvariants.layers(result));
        assertEquals(result.x(0), result.x(3));
    }

    @Test
    void disconnectedComponentsDoNotCross() {
        LayoutGraph graph = LayoutGraphs.of(
                8, new int[] {0, 5}, new int[] {1, 4}, new int[] {5, 7}, new int[] {4, 6}, new int[] {2, 3});
        assertEquals(0, layout(graph).crossings());
    }

    @Test
    void parallelEdgesAreDrawnOnePolylineEach() {
        LayoutGraph graph = LayoutGraphs.of(3, new int[] {0, 1}, new int[] {1, 2}, new int[] {0, 2}, new int[] {0, 2});
        LayoutResult result = layout(graph);
        assertEquals(4, result.edgePoints(2).length / 2 + result.edgePoints(3).length / 2 - 2);
        assertEquals(0, result.crossings());
    }

    @Test
    void drawingBoundsHoldEveryBox() {
        LayoutResult result = layout(LayoutGraphs.of(3, new int[] {0, 1}, new int[] {1, 2}));
        assertEquals(List.of(3 * 180 + 2 * 80.0, 36.0), List.of(result.width(), result.height()));
    }
}
