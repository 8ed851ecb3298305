// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Crossings of edges as drawn, for {@link DrawingStats} (ADR 0010). Every edge is a polyline that runs left to right,
 * possibly with vertical runs (JGraphX routes long edges through its ranks that way). The vertical lines through every
 * vertex cut the picture into slabs inside which every edge is one straight segment; two edges cross inside a slab
 * exactly when their order at its left and right sides swaps strictly, and on a grid line when their order swaps
 * between the y they arrive at and the y they leave at. The count is the sum of strict inversions over all these
 * steps (Fenwick tree, {@link CrossingMetric#strictInversions}), O(S log S) for S samples. Edges that merely touch,
 * for example at a shared end point, are level there and never count; neither does a crossing that falls exactly on
 * a grid line, which the engines' coordinates make rare. For our drawings it equals the pairwise count of proper
 * segment intersections ({@code DrawingStatsTest}); for JGraphX's it is higher, because a vertical run through another
 * edge's bend is a crossing here and only a touch to a pairwise test.
 */
final class DrawnCrossings {

    private static final double GRID = 1000; // x positions are compared at 1/1000 pt

    private DrawnCrossings() {}

    /**
     * The crossings of edges given as polylines {@code x0, y0, x1, y1, ...}. A polyline that goes back left is cut
     * into monotone pieces, which are compared as separate edges (JGraphX does this for a few segments of a few
     * graphs; the bench prints how many).
     */
    static long count(List<double[]> polylines) {
        List<double[]> pieces = new ArrayList<>();
        polylines.forEach(p -> pieces.addAll(monotonePieces(p)));
        long[] grid = pieces.stream()
                .flatMapToLong(p -> Arrays.stream(xs(p)).mapToLong(DrawnCrossings::key))
                .sorted()
                .distinct()
                .toArray();
        // step 2g is grid line g (arrival -> departure), step 2g+1 the slab after it
        int steps = 2 * grid.length;
        int[] fill = new int[steps];
        forEachStep(pieces, grid, (step, before, after) -> fill[step]++);
        double[][] left = new double[steps][];
        double[][] right = new double[steps][];
        for (int s = 0; s < steps; s++) {
            left[s] = new double[fill[s]];
            right[s] = new double[fill[s]];
        }
        int[] next = new int[steps];
        forEachStep(pieces, grid, (step, before, after) -> {
            left[step][next[step]] = before;
            right[step][next[step]++] = after;
        });
        long crossings = 0;
        for (int s = 0; s < steps; s++) {
            crossings += CrossingMetric.strictInversions(left[s], right[s]);
        }
        return crossings;
    }

    private interface StepSink {
        void accept(int step, double before, double after);
    }

    private static void forEachStep(List<double[]> pieces, long[] grid, StepSink sink) {
        pieces.forEach(p -> steps(p, grid, sink));
    }

    /** A rightward piece's y before and after every step it takes part in. */
    private static void steps(double[] p, long[] grid, StepSink sink) {
        int k = 0; // the first vertex at or right of the current grid line
        int g = Arrays.binarySearch(grid, key(p[0]));
        long last = key(p[p.length - 2]);
        while (true) {
            long x = grid[g];
            double arrive;
            double depart;
            if (key(p[k]) == x) {
                arrive = p[k + 1];
                while (k + 2 < p.length && key(p[k + 2]) == x) {
                    k += 2; // a vertical run at this grid line
                }
                depart = p[k + 1];
            } else {
                arrive = at(p, k, x);
                depart = arrive;
            }
            sink.accept(2 * g, arrive, depart);
            if (x == last) {
                return;
            }
            if (key(p[k]) == x) {
                k += 2;
            }
            sink.accept(2 * g + 1, depart, key(p[k]) == grid[g + 1] ? p[k + 1] : at(p, k, grid[g + 1]));
            g++;
        }
    }

    /** The y at grid key {@code x} on the segment that ends at vertex {@code k} (x lies strictly inside it). */
    private static double at(double[] p, int k, long x) {
        long x0 = key(p[k - 2]);
        long x1 = key(p[k]);
        return p[k - 1] + (p[k + 1] - p[k - 1]) * (x - x0) / (x1 - x0);
    }

    /** The polyline cut where it turns back left; pieces that go right to left are reversed. */
    private static List<double[]> monotonePieces(double[] p) {
        List<double[]> out = new ArrayList<>();
        int start = 0;
        int direction = 0;
        for (int k = 2; k < p.length; k += 2) {
            int d = Long.compare(key(p[k]), key(p[k - 2]));
            if (d != 0 && direction != 0 && d != direction) {
                out.add(rightward(Arrays.copyOfRange(p, start, k)));
                start = k - 2;
                direction = 0;
            }
            direction = d != 0 ? d : direction;
        }
        out.add(rightward(Arrays.copyOfRange(p, start, p.length)));
        return out;
    }

    private static double[] rightward(double[] p) {
        if (key(p[0]) <= key(p[p.length - 2])) {
            return p;
        }
        double[] r = new double[p.length];
        for (int k = 0; k < p.length; k += 2) {
            r[p.length - 2 - k] = p[k];
            r[p.length - 1 - k] = p[k + 1];
        }
        return r;
    }

    private static double[] xs(double[] p) {
        double[] xs = new double[p.length / 2];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = p[2 * k];
        }
        return xs;
    }

    private static long key(double x) {
        return Math.round(x * GRID);
    }
}
