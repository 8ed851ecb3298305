// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtrescue.graph.layout.LayeredLayout;
import dev.dbtrescue.graph.layout.LayoutGraph;
import dev.dbtrescue.graph.layout.LayoutGraphs;
import dev.dbtrescue.graph.layout.LayoutOptions;
import dev.dbtrescue.graph.layout.LayoutResult;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LayoutCrossingMetricTest {

    private static final double[][] NO_BENDS = {{}, {}};

    @Test
    void twoEdgesThatSwapOrderCrossOnce() {
        var drawing = new CrossingMetric.Drawing(
                new double[] {0, 0, 100, 100},
                new double[] {0, 50, 0, 50},
                new int[] {0, 1},
                new int[] {3, 2},
                NO_BENDS);
        assertEquals(1, CrossingMetric.count(drawing));
    }

    @Test
    void edgesThatMeetAtANodeDoNotCross() {
        var drawing = new CrossingMetric.Drawing(
                new double[] {0, 100, 100}, new double[] {0, 0, 50}, new int[] {0, 0}, new int[] {2, 1}, NO_BENDS);
        assertEquals(0, CrossingMetric.count(drawing));
    }

    @Test
    void aLongEdgeIsSampledAtTheColumnsItSpans() {
        // 0 (y 0) -> 3 (y 100) passes column 100 at y 50, above 1 (y 60), and ends below 2 (y 60)
        var drawing = new CrossingMetric.Drawing(
                new double[] {0, 100, 200, 200},
                new double[] {0, 60, 60, 100},
                new int[] {0, 1},
                new int[] {3, 2},
                NO_BENDS);
        assertEquals(1, CrossingMetric.count(drawing));
    }

    @Test
    void metricAgreesWithTheLayoutsOwnCountOnItsDrawings() {
        for (long seed = 0; seed < 20; seed++) {
            LayoutGraph graph = LayoutGraphs.randomDag(seed, 120, 2);
            LayoutResult result = new LayeredLayout(LayoutOptions.DEFAULT).layout(graph);
            double[] x = new double[graph.nodeCount()];
            double[] y = new double[graph.nodeCount()];
            Arrays.setAll(x, result::x);
            Arrays.setAll(y, result::y);
            int[] sources = new int[graph.edgeCount()];
            int[] targets = new int[graph.edgeCount()];
            double[][] bends = new double[graph.edgeCount()][];
            for (int e = 0; e < graph.edgeCount(); e++) {
                sources[e] = graph.edgeSource(e);
                targets[e] = graph.edgeTarget(e);
                double[] p = result.edgePoints(e);
                bends[e] = Arrays.copyOfRange(p, 2, p.length - 2);
            }
            assertEquals(
                    result.crossings(),
                    CrossingMetric.count(new CrossingMetric.Drawing(x, y, sources, targets, bends)),
                    "seed " + seed);
        }
    }
}
