// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The properties every drawing must have, checked from the public API only. */
final class LayoutInvariants {

    private static final double EPSILON = 1e-6;

    private LayoutInvariants() {}

    static void assertValid(LayoutGraph graph, LayoutResult result, LayoutOptions options) {
        assertEquals(graph.nodeCount(), result.nodeCount());
        for (int e = 0; e < graph.edgeCount(); e++) {
            assertEdge(graph, result, options, e);
        }
        for (int v = 0; v < graph.nodeCount(); v++) {
            double w = options.nodeWidth() / 2;
            double h = options.nodeHeight() / 2;
            assertTrue(result.x(v) - w >= -EPSILON && result.x(v) + w <= result.width() + EPSILON, "x of " + v);
            assertTrue(result.y(v) - h >= -EPSILON && result.y(v) + h <= result.height() + EPSILON, "y of " + v);
            assertEquals(
                    result.layer(v) * (options.nodeWidth() + options.layerGap()) + w, result.x(v), EPSILON, "column");
        }
        for (List<Integer> layer : layers(result)) {
            for (int i = 1; i < layer.size(); i++) {
                double gap = result.y(layer.get(i)) - result.y(layer.get(i - 1)) - options.nodeHeight();
                assertTrue(gap >= options.nodeGap() - EPSILON, "gap " + gap + " above node " + layer.get(i));
            }
        }
        assertEquals(bruteForceCrossings(graph, result), result.crossings(), "crossings");
    }

    /** Parent left of child; the polyline starts and ends at the borders and bends once per crossed layer. */
    private static void assertEdge(LayoutGraph graph, LayoutResult result, LayoutOptions options, int e) {
        int s = graph.edgeSource(e);
        int t = graph.edgeTarget(e);
        assertTrue(result.layer(s) < result.layer(t), "edge " + e + " goes right");
        double[] p = result.edgePoints(e);
        int crossed = result.layer(t) - result.layer(s) - 1;
        assertEquals(2 * (crossed + 2), p.length, "points of edge " + e);
        assertEquals(result.x(s) + options.nodeWidth() / 2, p[0], EPSILON);
        assertEquals(result.y(s), p[1], EPSILON);
        assertEquals(result.x(t) - options.nodeWidth() / 2, p[p.length - 2], EPSILON);
        assertEquals(result.y(t), p[p.length - 1], EPSILON);
        for (int b = 1; b <= crossed; b++) {
            int column = result.layer(s) + b;
            assertEquals(column * (options.nodeWidth() + options.layerGap()) + options.nodeWidth() / 2, p[2 * b]);
            double bendY = p[2 * b + 1];
            assertTrue(bendY >= 0 && bendY <= result.height(), "bend inside the drawing");
            for (int v = 0; v < graph.nodeCount(); v++) {
                if (result.layer(v) == column) {
                    assertTrue(
                            Math.abs(result.y(v) - bendY) >= options.nodeHeight() / 2,
                            "edge " + e + " runs through node " + v);
                }
            }
        }
    }

    /** Real nodes per layer, top to bottom. */
    static List<List<Integer>> layers(LayoutResult result) {
        List<List<Integer>> layers = new ArrayList<>();
        for (int l = 0; l < result.layerCount(); l++) {
            layers.add(new ArrayList<>());
        }
        for (int v = 0; v < result.nodeCount(); v++) {
            layers.get(result.layer(v)).add(v);
        }
        layers.forEach(layer -> layer.sort(Comparator.comparingDouble(result::y)));
        return layers;
    }

    /** Every pair of polyline segments between the same two columns whose end points swap order. O(S²). */
    static long bruteForceCrossings(LayoutGraph graph, LayoutResult result) {
        List<double[]> segments = new ArrayList<>(); // column, y left, y right
        for (int e = 0; e < graph.edgeCount(); e++) {
            double[] p = result.edgePoints(e);
            for (int k = 0; k + 3 < p.length; k += 2) {
                segments.add(new double[] {result.layer(graph.edgeSource(e)) + k / 2, p[k + 1], p[k + 3]});
            }
        }
        long crossings = 0;
        for (int i = 0; i < segments.size(); i++) {
            for (int j = i + 1; j < segments.size(); j++) {
                double[] a = segments.get(i);
                double[] b = segments.get(j);
                if (a[0] == b[0] && (a[1] - b[1]) * (a[2] - b[2]) < 0) {
                    crossings++;
                }
            }
        }
        return crossings;
    }
}
