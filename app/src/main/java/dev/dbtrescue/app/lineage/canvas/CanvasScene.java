// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

/**
 * Geometry of one layout, fixed while it is shown. Arrays are indexed by node or edge; {@code x}/{@code y} are world
 * centres, {@code edgePoints[e]} is a world polyline {@code x0,y0,x1,y1,...} (an empty array means a straight line
 * between the two centres). The world spans {@code [0, worldWidth] x [0, worldHeight]}. The component never copies
 * or mutates the arrays.
 */
public record CanvasScene(
        int nodeCount,
        double[] x,
        double[] y,
        double nodeWidth,
        double nodeHeight,
        String[] labels,
        int[] edgeSource,
        int[] edgeTarget,
        double[][] edgePoints,
        double worldWidth,
        double worldHeight) {

    /** No nodes, no edges. */
    public static final CanvasScene EMPTY = new CanvasScene(
            0, new double[0], new double[0], 1, 1, new String[0], new int[0], new int[0], new double[0][], 0, 0);

    public CanvasScene {
        if (x.length != nodeCount || y.length != nodeCount || labels.length != nodeCount) {
            throw new IllegalArgumentException("x, y and labels must have nodeCount = " + nodeCount + " entries");
        }
        if (edgeTarget.length != edgeSource.length || edgePoints.length != edgeSource.length) {
            throw new IllegalArgumentException("edgeSource, edgeTarget and edgePoints must have the same length");
        }
        if (!(nodeWidth > 0 && nodeHeight > 0)) {
            throw new IllegalArgumentException("node size must be positive");
        }
    }

    /** Number of edges. */
    public int edgeCount() {
        return edgeSource.length;
    }
}
