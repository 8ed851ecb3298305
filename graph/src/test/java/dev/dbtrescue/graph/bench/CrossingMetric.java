// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.bench;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * One crossing count for drawings from any engine (the stack spike's metric): the columns are the distinct x centres
 * of the nodes; every edge, as the polyline from its source centre through its bends to its target centre, is sampled
 * at each column it spans; two edges cross once for each pair of adjacent columns between which their vertical order
 * swaps strictly. Edges that meet at a node are level there and never count. O(C + S log S) for S samples.
 */
public final class CrossingMetric {

    /**
     * A finished drawing.
     *
     * @param x node centre x
     * @param y node centre y
     * @param edgeSource the source node of each edge
     * @param edgeTarget the target node of each edge
     * @param bends per edge its bend points between the two nodes, {@code x0, y0, x1, y1, ...}
     */
    public record Drawing(double[] x, double[] y, int[] edgeSource, int[] edgeTarget, double[][] bends) {}

    private CrossingMetric() {}

    /** The crossings of a drawing. */
    public static long count(Drawing drawing) {
        double[] columns = columns(drawing.x());
        int edges = drawing.edgeSource().length;
        // samples[c] holds, per edge spanning columns c and c+1, its y at c and at c+1
        double[][] left = new double[columns.length][];
        double[][] right = new double[columns.length][];
        int[] fill = new int[columns.length];
        double[][] polylines = new double[edges][];
        int[] firstColumn = new int[edges];
        int[] lastColumn = new int[edges];
        for (int e = 0; e < edges; e++) {
            polylines[e] = polyline(drawing, e);
            firstColumn[e] = ceilingColumn(columns, Math.min(polylines[e][0], polylines[e][polylines[e].length - 2]));
            lastColumn[e] = floorColumn(columns, Math.max(polylines[e][0], polylines[e][polylines[e].length - 2]));
            for (int c = firstColumn[e]; c < lastColumn[e]; c++) {
                fill[c]++;
            }
        }
        for (int c = 0; c < columns.length; c++) {
            left[c] = new double[fill[c]];
            right[c] = new double[fill[c]];
            fill[c] = 0;
        }
        for (int e = 0; e < edges; e++) {
            for (int c = firstColumn[e]; c < lastColumn[e]; c++) {
                left[c][fill[c]] = sample(polylines[e], columns[c]);
                right[c][fill[c]++] = sample(polylines[e], columns[c + 1]);
            }
        }
        long crossings = 0;
        for (int c = 0; c + 1 < columns.length; c++) {
            crossings += strictInversions(left[c], right[c]);
        }
        return crossings;
    }

    private static double[] columns(double[] x) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (double v : x) {
            distinct.add(Math.rint(v * 2) / 2); // engines may differ by rounding noise
        }
        return distinct.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int ceilingColumn(double[] columns, double x) {
        int i = Arrays.binarySearch(columns, Math.rint(x * 2) / 2);
        return i >= 0 ? i : -i - 1;
    }

    private static int floorColumn(double[] columns, double x) {
        int i = Arrays.binarySearch(columns, Math.rint(x * 2) / 2);
        return i >= 0 ? i : -i - 2;
    }

    private static double[] polyline(Drawing drawing, int e) {
        double[] bends = drawing.bends()[e];
        double[] points = new double[bends.length + 4];
        int s = drawing.edgeSource()[e];
        int t = drawing.edgeTarget()[e];
        points[0] = drawing.x()[s];
        points[1] = drawing.y()[s];
        System.arraycopy(bends, 0, points, 2, bends.length);
        points[points.length - 2] = drawing.x()[t];
        points[points.length - 1] = drawing.y()[t];
        return points;
    }

    /** The y where the polyline first reaches {@code x}. */
    private static double sample(double[] p, double x) {
        for (int k = 0; k + 3 < p.length; k += 2) {
            double x0 = p[k];
            double x1 = p[k + 2];
            if (x == x0 || x == x1) {
                return x == x0 ? p[k + 1] : p[k + 3]; // exact, so that edges meeting at a node stay level there
            }
            if ((x0 - x) * (x1 - x) < 0) {
                return p[k + 1] + (p[k + 3] - p[k + 1]) * (x - x0) / (x1 - x0);
            }
        }
        return Math.abs(p[0] - x) < Math.abs(p[p.length - 2] - x) ? p[1] : p[p.length - 1];
    }

    /** Pairs i, j with left[i] < left[j] and right[i] > right[j]: sort by (left, right), count with a Fenwick tree. */
    static long strictInversions(double[] left, double[] right) {
        int n = left.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> left[a] != left[b] ? Double.compare(left[a], left[b]) : Double.compare(right[a], right[b]));
        double[] ranks = right.clone();
        Arrays.sort(ranks);
        int[] tree = new int[n + 1];
        long inversions = 0;
        for (int k = 0; k < n; k++) {
            int rank = upperBound(ranks, right[order[k]]); // values <= this one
            int atMost = 0;
            for (int i = rank; i > 0; i -= i & -i) {
                atMost += tree[i];
            }
            inversions += k - atMost;
            for (int i = rank; i <= n; i += i & -i) {
                tree[i]++;
            }
        }
        return inversions;
    }

    private static int upperBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
