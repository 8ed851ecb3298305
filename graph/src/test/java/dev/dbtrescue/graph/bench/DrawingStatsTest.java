// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.layout.LayeredLayout;
import dev.dbtrescue.graph.layout.LayoutGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrawingStatsTest {

    @Test
    void twoSegmentsThatSwapOrderCrossOnce() {
        assertEquals(1, DrawnCrossings.count(List.of(new double[] {0, 0, 100, 50}, new double[] {0, 50, 100, 0})));
    }

    @Test
    void segmentsOfDifferentSpansAreCutIntoSlabs() {
        // the short edge ends above the long one at x 50 (y 10 against 25): no crossing; moved to y 40 it crosses
        assertEquals(
                List.of(0L, 1L),
                List.of(
                        DrawnCrossings.count(List.of(new double[] {0, 0, 100, 50}, new double[] {20, 0, 50, 10})),
                        DrawnCrossings.count(List.of(new double[] {0, 0, 100, 50}, new double[] {20, 0, 50, 40}))));
    }

    @Test
    void aVerticalRunCrossesTheEdgesItSpans() {
        // JGraphX-like route: right, down at x 50 from y 0 to y 40, right; a straight edge at y 20 and one at y 60
        double[] route = {0, 0, 50, 0, 50, 40, 100, 40};
        assertEquals(
                List.of(1L, 0L),
                List.of(
                        DrawnCrossings.count(List.of(route, new double[] {0, 20, 100, 20})),
                        DrawnCrossings.count(List.of(route, new double[] {0, 60, 100, 60}))));
    }

    @Test
    void aRouteThatTurnsBackIsComparedPieceByPiece() {
        // right to x 100, back left to x 50 lower down, right again: a short edge at y 10 under the part that goes back
        double[] route = {0, 0, 100, 0, 50, 20, 150, 20};
        assertEquals(1, DrawnCrossings.count(List.of(route, new double[] {60, 10, 90, 10})));
    }

    @Test
    void edgesThatMeetAtAPointDoNotCross() {
        assertEquals(0, DrawnCrossings.count(List.of(new double[] {0, 0, 100, 0}, new double[] {0, 0, 100, 50})));
    }

    @Test
    void aBendCountsOnceAndAStraightRunNever() {
        var drawing = new DrawingStats.Drawing(
                new double[] {0, 300},
                new double[] {0, 0},
                10,
                10,
                new int[] {0, 0},
                new int[] {1, 1},
                List.of(new double[] {10, 5, 100, 5, 200, 5, 300, 5}, new double[] {10, 5, 100, 50, 300, 5}),
                List.of(new double[] {10, 5, 300, 5}, new double[] {10, 5, 300, 5}));
        assertEquals(1, DrawingStats.of(drawing).bends());
    }

    @Test
    void anEdgeThroughAForeignBoxIsCounted() {
        var drawing = new DrawingStats.Drawing(
                new double[] {0, 100, 200},
                new double[] {0, 0, 0},
                20,
                10,
                new int[] {0},
                new int[] {2},
                List.of(new double[] {20, 5, 200, 5}),
                List.of(new double[] {20, 5, 200, 5}));
        assertEquals(1, DrawingStats.of(drawing).throughBoxes());
    }

    @Test
    void overlapIsTheLengthThatTwoEdgesShareOnOneLine() {
        assertEquals(
                50.0,
                DrawingStats.overlap(List.of(
                        new double[] {0, 10, 100, 10}, new double[] {50, 10, 150, 10}, new double[] {0, 11, 150, 11})));
    }

    @Test
    void drawnCrossingsOfTheDemoPictureEqualPairwiseSegmentIntersections() throws Exception {
        var whole = wholeDemo();
        var laid = ReviewEngines.ours(whole.graph(), new LayeredLayout(ReviewEngines.OPTIONS).layout(whole.graph()));
        List<double[]> drawn = laid.drawing().drawn();
        assertEquals(pairwiseIntersections(drawn), DrawnCrossings.count(drawn));
    }

    @Test
    void routesHeldAcrossColumnsEnterNoForeignBoxOfTheDemoPicture() throws Exception {
        var whole = wholeDemo();
        var result = new LayeredLayout(ReviewEngines.OPTIONS).layout(whole.graph());
        assertEquals(
                List.of(true, 0L),
                List.of(
                        DrawingStats.of(ReviewEngines.ours(whole.graph(), result)
                                                .drawing())
                                        .throughBoxes()
                                > 0,
                        DrawingStats.of(ReviewEngines.oursHeld(whole.graph(), result)
                                        .drawing())
                                .throughBoxes()));
    }

    /** The oracle: segments of two different edges that cross properly (touching does not count). O(S^2). */
    private static long pairwiseIntersections(List<double[]> polylines) {
        long n = 0;
        for (int i = 0; i < polylines.size(); i++) {
            for (int j = i + 1; j < polylines.size(); j++) {
                double[] a = polylines.get(i);
                double[] b = polylines.get(j);
                for (int s = 2; s < a.length; s += 2) {
                    for (int t = 2; t < b.length; t += 2) {
                        boolean split = side(a, s, b[t - 2], b[t - 1]) * side(a, s, b[t], b[t + 1]) < 0;
                        boolean splitBack = side(b, t, a[s - 2], a[s - 1]) * side(b, t, a[s], a[s + 1]) < 0;
                        n += split && splitBack ? 1 : 0;
                    }
                }
            }
        }
        return n;
    }

    private static double side(double[] p, int k, double x, double y) {
        double cross = (p[k] - p[k - 2]) * (y - p[k - 1]) - (p[k + 1] - p[k - 1]) * (x - p[k - 2]);
        return Math.abs(cross) < 1e-9 ? 0 : Math.signum(cross);
    }

    @Test
    void sCurvesKeepTheRoutedPointsAndStayMonotone() {
        double[] curve = ReviewEngines.sCurves(new double[] {0, 0, 100, 40});
        assertArrayEquals(new double[] {0, 0, 100, 40}, new double[] {curve[0], curve[1], curve[32], curve[33]});
        for (int k = 2; k < curve.length; k += 2) {
            assertEquals(true, curve[k] > curve[k - 2], "x grows at point " + k / 2);
        }
    }

    @Test
    void ourDrawingHasNoDrawnCrossingsWhereTheLayoutReportsNone() {
        LayoutGraph chain = LayoutGraph.of(3, new int[] {0, 1, 0}, new int[] {1, 2, 2});
        var laid = ReviewEngines.ours(chain, new LayeredLayout(ReviewEngines.OPTIONS).layout(chain));
        assertEquals(
                List.of(0L, 0L),
                List.of(DrawingStats.of(laid.drawing()).crossings(), CrossingMetric.count(laid.layers())));
    }

    /** The whole demo project as the review picture would show it. */
    private static IncidentSubgraphs.IncidentCase wholeDemo() throws Exception {
        var demo = IncidentSubgraphs.loadArtifacts(Fixtures.demo("failed-build"));
        return IncidentSubgraphs.of(
                "demo",
                "",
                demo.status(),
                demo.graph().nodes().stream().map(n -> n.id()).toList());
    }
}
