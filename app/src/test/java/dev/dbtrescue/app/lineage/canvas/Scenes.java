// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import java.util.Random;

/** Synthetic scenes for the tests and the benchmark, laid out left to right. */
final class Scenes {

    static final double NODE_WIDTH = 160;
    static final double NODE_HEIGHT = 32;
    static final double LAYER_GAP = 260;
    static final double ROW_GAP = 56;

    private Scenes() {}

    /** {@code columns x rows} nodes; node {@code c * rows + r} links to the node in the same row of the next column. */
    static CanvasScene grid(int columns, int rows) {
        int n = columns * rows;
        var x = new double[n];
        var y = new double[n];
        var labels = new String[n];
        for (int c = 0; c < columns; c++) {
            for (int r = 0; r < rows; r++) {
                int i = c * rows + r;
                x[i] = NODE_WIDTH + c * LAYER_GAP;
                y[i] = NODE_HEIGHT + r * ROW_GAP;
                labels[i] = "model.shop.node_" + i;
            }
        }
        int edges = (columns - 1) * rows;
        var source = new int[edges];
        var target = new int[edges];
        var points = new double[edges][];
        for (int e = 0; e < edges; e++) {
            source[e] = e;
            target[e] = e + rows;
            points[e] = new double[] {x[e], y[e], x[e + rows], y[e + rows]};
        }
        return new CanvasScene(
                n,
                x,
                y,
                NODE_WIDTH,
                NODE_HEIGHT,
                labels,
                source,
                target,
                points,
                2 * NODE_WIDTH + (columns - 1) * LAYER_GAP,
                2 * NODE_HEIGHT + (rows - 1) * ROW_GAP);
    }

    /**
     * A dbt-like layered DAG: {@code nodes} spread over {@code layers} columns, each node after the first layer with 1-3 parents (2.2 on average) in the
     * previous one to three layers, 15 % of edges long random jumps; polylines bend at every layer they cross.
     */
    static CanvasScene layered(int nodes, int layers, long seed) {
        var random = new Random(seed);
        int perLayer = (nodes + layers - 1) / layers;
        var x = new double[nodes];
        var y = new double[nodes];
        var labels = new String[nodes];
        for (int i = 0; i < nodes; i++) {
            x[i] = NODE_WIDTH + (i / perLayer) * (NODE_WIDTH + LAYER_GAP);
            y[i] = NODE_HEIGHT + (i % perLayer) * ROW_GAP;
            labels[i] = "model.shop.int_" + i;
        }
        var source = new int[2 * nodes];
        var target = new int[2 * nodes];
        var points = new double[2 * nodes][];
        int edges = 0;
        for (int i = perLayer; i < nodes && edges < source.length; i++) {
            int layer = i / perLayer;
            int parents = 1 + (random.nextInt(100) < 70 ? 1 : 0) + (random.nextInt(100) < 52 ? 1 : 0);
            for (int p = 0; p < parents && edges < source.length; p++) {
                int from;
                if (random.nextInt(100) < 15) {
                    from = random.nextInt(layer * perLayer); // long random edge
                } else {
                    int back = 1 + Math.min(layer - 1, random.nextInt(3));
                    int row = Math.clamp((i % perLayer) + random.nextInt(41) - 20, 0, perLayer - 1);
                    from = (layer - back) * perLayer + row;
                }
                source[edges] = from;
                target[edges] = i;
                points[edges] = route(x[from], y[from], x[i], y[i]);
                edges++;
            }
        }
        return new CanvasScene(
                nodes,
                x,
                y,
                NODE_WIDTH,
                NODE_HEIGHT,
                labels,
                java.util.Arrays.copyOf(source, edges),
                java.util.Arrays.copyOf(target, edges),
                java.util.Arrays.copyOf(points, edges),
                2 * NODE_WIDTH + (layers - 1) * (NODE_WIDTH + LAYER_GAP),
                2 * NODE_HEIGHT + (perLayer - 1) * ROW_GAP);
    }

    private static double[] route(double x0, double y0, double x1, double y1) {
        int bends = Math.max(0, (int) Math.round((x1 - x0) / (NODE_WIDTH + LAYER_GAP)) - 1);
        var p = new double[4 + 2 * bends];
        p[0] = x0;
        p[1] = y0;
        for (int b = 1; b <= bends; b++) {
            double t = b / (double) (bends + 1);
            p[2 * b] = x0 + (x1 - x0) * t;
            p[2 * b + 1] = y0 + (y1 - y0) * t;
        }
        p[p.length - 2] = x1;
        p[p.length - 1] = y1;
        return p;
    }
}
