// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Readability measures of a finished left-to-right drawing, the same for any engine (ADR 0010). Edges are taken as
 * drawn: polylines from the source box's border through the engine's bends to the target box's border; a caller
 * whose renderer draws curves passes them flattened. Every drawn edge must be x-monotone (it never goes back left),
 * which holds for both engines measured; a segment that goes back is counted in {@link Stats#backwardSegments} so
 * that a violation shows instead of hiding.
 *
 * <ul>
 *   <li><b>Drawn crossings</b>: {@link DrawnCrossings}.
 *   <li><b>Edges through boxes</b>: pairs (edge, box of a node that is not its end) where the edge enters the box.
 *   <li><b>Overlap</b>: the length of horizontal and vertical runs (within 0.1 pt) that two or more edges share, so
 *       that a reader cannot tell them apart there.
 *   <li><b>Bends</b>: interior vertices of the routed (unflattened) polyline where its direction turns by more than 2
 *       degrees.
 *   <li><b>Length</b>: total length of the drawn polylines; <b>width, height</b>: the bounds of boxes and edges.
 * </ul>
 */
final class DrawingStats {

    private static final double TURN = Math.toRadians(2);

    /**
     * @param crossings drawn crossings
     * @param throughBoxes edges entering a box that is not theirs
     * @param overlap length, in points, of horizontal or vertical runs where two or more edges lie on each other
     * @param bends bends of the routed polylines
     * @param length total drawn edge length, in points
     * @param width the drawing's width
     * @param height the drawing's height
     * @param backwardSegments drawn segments that go right to left (0 for a left-to-right drawing)
     */
    record Stats(
            long crossings,
            long throughBoxes,
            double overlap,
            long bends,
            double length,
            double width,
            double height,
            long backwardSegments) {}

    /**
     * A drawing.
     *
     * @param left per node the left side of its box
     * @param top per node the top of its box
     * @param boxWidth box width (the same for every node)
     * @param boxHeight box height
     * @param source per edge its source node
     * @param target per edge its target node
     * @param routed per edge the engine's polyline, {@code x0, y0, x1, y1, ...}
     * @param drawn per edge what is painted, as a polyline (curves flattened)
     */
    record Drawing(
            double[] left,
            double[] top,
            double boxWidth,
            double boxHeight,
            int[] source,
            int[] target,
            List<double[]> routed,
            List<double[]> drawn) {}

    private DrawingStats() {}

    static Stats of(Drawing d) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < d.left().length; v++) {
            minX = Math.min(minX, d.left()[v]);
            minY = Math.min(minY, d.top()[v]);
            maxX = Math.max(maxX, d.left()[v] + d.boxWidth());
            maxY = Math.max(maxY, d.top()[v] + d.boxHeight());
        }
        double length = 0;
        long backward = 0;
        for (double[] p : d.drawn()) {
            for (int k = 0; k < p.length; k += 2) {
                minX = Math.min(minX, p[k]);
                minY = Math.min(minY, p[k + 1]);
                maxX = Math.max(maxX, p[k]);
                maxY = Math.max(maxY, p[k + 1]);
            }
            for (int k = 2; k < p.length; k += 2) {
                length += Math.hypot(p[k] - p[k - 2], p[k + 1] - p[k - 1]);
                backward += Math.round(p[k] * 1000) < Math.round(p[k - 2] * 1000) ? 1 : 0;
            }
        }
        long bends = d.routed().stream().mapToLong(DrawingStats::bends).sum();
        return new Stats(
                DrawnCrossings.count(d.drawn()),
                throughBoxes(d),
                overlap(d.drawn()),
                bends,
                length,
                maxX - minX,
                maxY - minY,
                backward);
    }

    /** Length covered twice or more by axis-parallel runs of different edges, lying on the same line. */
    static double overlap(List<double[]> polylines) {
        // per line (h or v, rounded coordinate): interval ends as (position, +1 start / -1 end)
        java.util.Map<String, List<double[]>> lines = new java.util.HashMap<>();
        for (double[] p : polylines) {
            for (int k = 2; k < p.length; k += 2) {
                boolean horizontal = Math.abs(p[k + 1] - p[k - 1]) < 0.05;
                boolean vertical = Math.abs(p[k] - p[k - 2]) < 0.05;
                if (horizontal != vertical) {
                    int along = horizontal ? 0 : 1;
                    double a = Math.min(p[k - 2 + along], p[k + along]);
                    double b = Math.max(p[k - 2 + along], p[k + along]);
                    String line = (horizontal ? "h" : "v") + Math.round(p[k - 1 - along] * 10);
                    List<double[]> ends = lines.computeIfAbsent(line, l -> new ArrayList<>());
                    ends.add(new double[] {a, 1});
                    ends.add(new double[] {b, -1});
                }
            }
        }
        double shared = 0;
        for (List<double[]> ends : lines.values()) {
            ends.sort((u, v) -> u[0] != v[0] ? Double.compare(u[0], v[0]) : Double.compare(u[1], v[1]));
            int active = 0;
            for (int i = 0; i < ends.size(); i++) {
                if (active >= 2) {
                    shared += ends.get(i)[0] - ends.get(i - 1)[0];
                }
                active += (int) ends.get(i)[1];
            }
        }
        return shared;
    }

    private static long bends(double[] p) {
        long bends = 0;
        double previous = Double.NaN;
        for (int k = 2; k < p.length; k += 2) {
            double dx = p[k] - p[k - 2];
            double dy = p[k + 1] - p[k - 1];
            if (Math.hypot(dx, dy) < 1e-6) {
                continue;
            }
            double angle = Math.atan2(dy, dx);
            if (!Double.isNaN(previous)) {
                double turn = Math.abs(angle - previous);
                bends += Math.min(turn, 2 * Math.PI - turn) > TURN ? 1 : 0;
            }
            previous = angle;
        }
        return bends;
    }

    /** Pairs (edge, foreign box) where the drawn edge enters the box (shrunk by half a point, so grazing is fine). */
    private static long throughBoxes(Drawing d) {
        int n = d.left().length;
        Integer[] byLeft = new Integer[n];
        Arrays.setAll(byLeft, v -> v);
        Arrays.sort(byLeft, (a, b) -> Double.compare(d.left()[a], d.left()[b]));
        double[] lefts = Arrays.stream(byLeft).mapToDouble(v -> d.left()[v]).toArray();
        long hits = 0;
        for (int e = 0; e < d.drawn().size(); e++) {
            double[] p = d.drawn().get(e);
            boolean[] hit = new boolean[n];
            for (int k = 2; k < p.length; k += 2) {
                double xa = Math.min(p[k - 2], p[k]);
                double xb = Math.max(p[k - 2], p[k]);
                int from = lowerBound(lefts, xa - d.boxWidth());
                for (int i = from; i < n && lefts[i] <= xb; i++) {
                    int v = byLeft[i];
                    if (v != d.source()[e] && v != d.target()[e] && !hit[v] && enters(p, k, d, v)) {
                        hit[v] = true;
                        hits++;
                    }
                }
            }
        }
        return hits;
    }

    private static boolean enters(double[] p, int k, Drawing d, int v) {
        double x0 = d.left()[v] + 0.5;
        double y0 = d.top()[v] + 0.5;
        double x1 = d.left()[v] + d.boxWidth() - 0.5;
        double y1 = d.top()[v] + d.boxHeight() - 0.5;
        return clips(p[k - 2], p[k - 1], p[k], p[k + 1], x0, y0, x1, y1);
    }

    /** Liang-Barsky: whether segment (ax, ay)-(bx, by) has a part inside the rectangle. */
    static boolean clips(double ax, double ay, double bx, double by, double x0, double y0, double x1, double y1) {
        double dx = bx - ax;
        double dy = by - ay;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {ax - x0, x1 - ax, ay - y0, y1 - ay};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        return t0 < t1;
    }

    private static int lowerBound(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
