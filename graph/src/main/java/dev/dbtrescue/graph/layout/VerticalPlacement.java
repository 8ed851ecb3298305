// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.layout;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The y coordinate of every vertex of an ordered {@link ProperGraph}.
 *
 * <p>First each layer is packed in its order (a node box takes {@code nodeHeight}, a dummy a thin {@value
 * #DUMMY_HEIGHT} px slot; two boxes are {@code nodeGap} apart, anything next to a dummy half that) and centred on
 * the tallest layer. Then a few straightening passes, alternately left to right and right to left, move every vertex
 * of a layer toward the median y of its neighbours on the layer before, as close as the order and the gaps allow:
 * that is a weighted isotonic regression solved exactly by pool-adjacent-violators in O(layer size). Dummies weigh
 * most (Sugiyama's priority method), so long edges straighten first. The passes end left to right, so where a long
 * edge cannot be straight at both ends it is straight from its source, the way lineage is read. Finally everything is shifted so the topmost box
 * or slot starts at y = 0. O(passes × (V + S log d)).
 */
final class VerticalPlacement {

    /** The height of the slot a dummy (an edge crossing a layer) takes. */
    static final double DUMMY_HEIGHT = 6;

    private static final int STRAIGHTEN_PASSES = 5;

    private static final double DUMMY_WEIGHT = 8;

    private final ProperGraph graph;
    private final Ordering ordering;
    private final LayoutOptions options;
    private final double[] y;

    VerticalPlacement(ProperGraph graph, Ordering ordering, LayoutOptions options) {
        this.graph = graph;
        this.ordering = ordering;
        this.options = options;
        this.y = new double[graph.vertexCount()];
    }

    /** The y centre of every vertex, real nodes first, then dummies, as in {@link ProperGraph}. */
    double[] place(BooleanSupplier cancelled) {
        pack();
        for (int pass = 0; pass < STRAIGHTEN_PASSES; pass++) {
            LayeredLayout.check(cancelled);
            if (pass % 2 == 0) {
                for (int l = 1; l < ordering.layerCount(); l++) {
                    straighten(l, graph.upStarts(), graph.up());
                }
            } else {
                for (int l = ordering.layerCount() - 2; l >= 0; l--) {
                    straighten(l, graph.downStarts(), graph.down());
                }
            }
        }
        double top = Double.POSITIVE_INFINITY;
        for (int v = 0; v < y.length; v++) {
            top = Math.min(top, y[v] - height(v) / 2);
        }
        for (int v = 0; v < y.length; v++) {
            y[v] -= top;
        }
        return y;
    }

    double height(int vertex) {
        return graph.isDummy(vertex) ? DUMMY_HEIGHT : options.nodeHeight();
    }

    /** The least distance between the centres of two vertices adjacent in a layer. */
    private double separation(int upper, int lower) {
        double gap = graph.isDummy(upper) || graph.isDummy(lower) ? options.nodeGap() / 2 : options.nodeGap();
        return (height(upper) + height(lower)) / 2 + gap;
    }

    private void pack() {
        double[] extent = new double[ordering.layerCount()];
        double tallest = 0;
        for (int l = 0; l < ordering.layerCount(); l++) {
            double at = 0;
            for (int i = 0; i < ordering.layerSize(l); i++) {
                int v = ordering.vertexAt(l, i);
                at = i == 0 ? height(v) / 2 : at + separation(ordering.vertexAt(l, i - 1), v);
                y[v] = at;
            }
            int size = ordering.layerSize(l);
            extent[l] = size == 0 ? 0 : at + height(ordering.vertexAt(l, size - 1)) / 2;
            tallest = Math.max(tallest, extent[l]);
        }
        for (int l = 0; l < ordering.layerCount(); l++) {
            double shift = (tallest - extent[l]) / 2;
            for (int i = 0; i < ordering.layerSize(l); i++) {
                y[ordering.vertexAt(l, i)] += shift;
            }
        }
    }

    /**
     * Moves the vertices of one layer toward their neighbours' median y on the reference side: with offsets
     * {@code o_i} (the packed distance from the first vertex), {@code y_i - o_i} must be non-decreasing, and the best
     * such values under squared error are block means of {@code desired_i - o_i} (pool adjacent violators).
     */
    private void straighten(int layer, int[] start, int[] neighbours) {
        int size = ordering.layerSize(layer);
        if (size == 0) {
            return;
        }
        double[] offset = new double[size];
        double[] target = new double[size];
        double[] weight = new double[size];
        double[] scratch = new double[8];
        for (int i = 0; i < size; i++) {
            int v = ordering.vertexAt(layer, i);
            offset[i] = i == 0 ? 0 : offset[i - 1] + separation(ordering.vertexAt(layer, i - 1), v);
            int degree = start[v + 1] - start[v];
            if (degree == 0) {
                target[i] = y[v] - offset[i];
                weight[i] = 0.25;
                continue;
            }
            if (scratch.length < degree) {
                scratch = new double[degree * 2];
            }
            for (int k = 0; k < degree; k++) {
                scratch[k] = y[neighbours[start[v] + k]];
            }
            Arrays.sort(scratch, 0, degree);
            double median = degree % 2 == 1 ? scratch[degree / 2] : (scratch[degree / 2 - 1] + scratch[degree / 2]) / 2;
            target[i] = median - offset[i];
            weight[i] = graph.isDummy(v) ? DUMMY_WEIGHT : degree;
        }
        double[] solved = poolAdjacentViolators(target, weight);
        for (int i = 0; i < size; i++) {
            y[ordering.vertexAt(layer, i)] = solved[i] + offset[i];
        }
    }

    /** The non-decreasing sequence closest to {@code values} in weighted squared error. O(n). */
    static double[] poolAdjacentViolators(double[] values, double[] weights) {
        int n = values.length;
        double[] mean = new double[n];
        double[] weight = new double[n];
        int[] end = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            mean[blocks] = values[i];
            weight[blocks] = weights[i];
            end[blocks] = i + 1;
            blocks++;
            while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
                double w = weight[blocks - 2] + weight[blocks - 1];
                mean[blocks - 2] = (mean[blocks - 2] * weight[blocks - 2] + mean[blocks - 1] * weight[blocks - 1]) / w;
                weight[blocks - 2] = w;
                end[blocks - 2] = end[blocks - 1];
                blocks--;
            }
        }
        double[] out = new double[n];
        int from = 0;
        for (int b = 0; b < blocks; b++) {
            Arrays.fill(out, from, end[b], mean[b]);
            from = end[b];
        }
        return out;
    }
}
