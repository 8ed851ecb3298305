// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.layout;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Crossing reduction by the barycenter heuristic: each pass reorders every layer by the mean position of its
 * neighbours on the layer just swept, alternately left to right and right to left.
 *
 * <p>Two details make it work on layers of very different sizes (stack spike, pitfall 16): positions are
 * <em>relative</em>, {@code (index + 0.5) / layerSize}, so a neighbour in a short layer is not pulled to the top; and
 * the ordering with the fewest crossings seen is kept, because a pass can make things worse. A vertex without
 * neighbours on the swept side keeps its relative position; isolated nodes stay at the bottom. Ties keep the current
 * order, so the result is deterministic. O(sweeps × (S log V)) for S segments.
 */
final class BarycenterSweeps {

    /** Barycenters are in [0, 1]; isolated nodes sort after every other vertex. */
    private static final double ISOLATED = 1.5;

    private static final double KEY_SCALE = 1 << 30;

    private final ProperGraph graph;

    BarycenterSweeps(ProperGraph graph) {
        this.graph = graph;
    }

    /** The best ordering found within {@code sweeps} passes, starting from {@code start} (which is changed). */
    Ordering minimize(Ordering start, int sweeps, BooleanSupplier cancelled) {
        Ordering current = start;
        Ordering best = current.copy();
        long bestCrossings = best.crossings();
        for (int sweep = 0; sweep < sweeps && bestCrossings > 0; sweep++) {
            LayeredLayout.check(cancelled);
            if (sweep % 2 == 0) {
                for (int l = 1; l < current.layerCount(); l++) {
                    reorder(current, l, l - 1, graph.upStarts(), graph.up());
                }
            } else {
                for (int l = current.layerCount() - 2; l >= 0; l--) {
                    reorder(current, l, l + 1, graph.downStarts(), graph.down());
                }
            }
            long crossings = current.crossings();
            if (crossings < bestCrossings) {
                bestCrossings = crossings;
                best = current.copy();
            }
        }
        return best;
    }

    private void reorder(Ordering ordering, int layer, int reference, int[] start, int[] neighbours) {
        int size = ordering.layerSize(layer);
        double referenceSize = ordering.layerSize(reference);
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            int v = ordering.vertexAt(layer, i);
            double barycenter;
            if (start[v] == start[v + 1]) {
                barycenter = graph.isIsolated(v) ? ISOLATED : (i + 0.5) / size;
            } else {
                double sum = 0;
                for (int k = start[v]; k < start[v + 1]; k++) {
                    sum += ordering.position(neighbours[k]) + 0.5;
                }
                barycenter = sum / (start[v + 1] - start[v]) / referenceSize;
            }
            // high 32 bits: the barycenter in fixed point; low 32 bits: the current index, the tie-breaker
            keys[i] = ((long) (barycenter * KEY_SCALE) << 32) | i;
        }
        Arrays.sort(keys);
        int[] vertices = new int[size];
        for (int i = 0; i < size; i++) {
            vertices[i] = ordering.vertexAt(layer, (int) keys[i]);
        }
        ordering.setLayer(layer, vertices);
    }
}
