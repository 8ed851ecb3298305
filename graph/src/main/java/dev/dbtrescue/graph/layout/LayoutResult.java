// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.layout;

import java.util.Objects;

/**
 * The drawing {@link LayeredLayout} computed for a {@link LayoutGraph}: node centres, layers and edge polylines, in
 * world coordinates with x growing to the right (one column per layer) and y growing downwards. Every coordinate is
 * at least 0 and the node boxes lie within {@code [0, width()] × [0, height()]}.
 *
 * <p>Immutable and thread-safe; the accessors are O(1) except {@link #edgePoints(int)}, which is O(bends).
 */
public final class LayoutResult {

    private final LayoutGraph graph;
    private final LayoutOptions options;
    private final int[] layer;
    private final int layerCount;
    private final double[] y;
    private final int[] dummyStart;
    private final double width;
    private final double height;
    private final long crossings;

    LayoutResult(ProperGraph proper, LayoutOptions options, double[] y, long crossings) {
        this.graph = proper.graph();
        this.options = options;
        this.layerCount = proper.layerCount();
        this.layer = new int[proper.vertexCount()];
        for (int v = 0; v < layer.length; v++) {
            layer[v] = proper.layer(v);
        }
        this.y = y;
        this.dummyStart = new int[graph.edgeCount() + 1];
        for (int e = 0; e <= graph.edgeCount(); e++) {
            dummyStart[e] = proper.dummyStart(e);
        }
        double bottom = 0;
        for (int v = 0; v < y.length; v++) {
            double half = proper.isDummy(v) ? VerticalPlacement.DUMMY_HEIGHT / 2 : options.nodeHeight() / 2;
            bottom = Math.max(bottom, y[v] + half);
        }
        this.height = bottom;
        this.width = layerCount == 0 ? 0 : layerCount * options.nodeWidth() + (layerCount - 1) * options.layerGap();
        this.crossings = crossings;
    }

    /** The number of nodes, as in the {@link LayoutGraph}. */
    public int nodeCount() {
        return graph.nodeCount();
    }

    /**
     * The x of a node's centre: {@code layer × (nodeWidth + layerGap) + nodeWidth / 2}.
     *
     * @throws IndexOutOfBoundsException if {@code node} is not in {@code 0..nodeCount()-1}
     */
    public double x(int node) {
        return columnX(layer(node));
    }

    /**
     * The y of a node's centre.
     *
     * @throws IndexOutOfBoundsException if {@code node} is not in {@code 0..nodeCount()-1}
     */
    public double y(int node) {
        return y[Objects.checkIndex(node, graph.nodeCount())];
    }

    /**
     * The layer (column) of a node, 0 for roots and isolated nodes, otherwise one more than its deepest parent's.
     *
     * @throws IndexOutOfBoundsException if {@code node} is not in {@code 0..nodeCount()-1}
     */
    public int layer(int node) {
        return layer[Objects.checkIndex(node, graph.nodeCount())];
    }

    /** The number of layers; 0 for an empty graph. */
    public int layerCount() {
        return layerCount;
    }

    /** The width of the drawing, node boxes included; 0 for an empty graph. */
    public double width() {
        return width;
    }

    /** The height of the drawing, node boxes and edge bends included; 0 for an empty graph. */
    public double height() {
        return height;
    }

    /**
     * The polyline of an edge as {@code x0, y0, x1, y1, ...}: from the centre of the source box's right border,
     * through one bend per layer the edge crosses (the centre of the thin slot reserved for it between that layer's
     * nodes), to the centre of the target box's left border. An edge between adjacent layers has two points.
     *
     * @return a new array on each call, which the caller may keep or change
     * @throws IndexOutOfBoundsException if {@code edge} is not in {@code 0..edgeCount()-1} of the graph
     */
    public double[] edgePoints(int edge) {
        int source = graph.edgeSource(edge);
        int target = graph.edgeTarget(edge);
        int bends = dummyStart[edge + 1] - dummyStart[edge];
        double[] points = new double[2 * (bends + 2)];
        double half = options.nodeWidth() / 2;
        points[0] = x(source) + half;
        points[1] = y[source];
        for (int b = 0; b < bends; b++) {
            int dummy = graph.nodeCount() + dummyStart[edge] + b;
            points[2 * b + 2] = columnX(layer[dummy]);
            points[2 * b + 3] = y[dummy];
        }
        points[points.length - 2] = x(target) - half;
        points[points.length - 1] = y[target];
        return points;
    }

    /**
     * The number of pairwise segment crossings between adjacent layers in the final ordering, counting each long
     * edge as its chain of segments through its bends; segments sharing an end point never cross.
     */
    public long crossings() {
        return crossings;
    }

    private double columnX(int column) {
        return column * (options.nodeWidth() + options.layerGap()) + options.nodeWidth() / 2;
    }
}
