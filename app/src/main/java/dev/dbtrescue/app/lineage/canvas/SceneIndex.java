// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

/**
 * Lookup structures derived once per {@link CanvasScene}: the spatial grid, a world bounding box per edge and the
 * edges incident to each node. Immutable, so the raster job may read it from another thread.
 */
final class SceneIndex {

    final CanvasScene scene;
    final SpatialGrid grid;
    /** {@code minX, minY, maxX, maxY} per edge. */
    final double[] edgeBounds;

    private final int[] incidentStart;
    private final int[] incident;

    SceneIndex(CanvasScene scene) {
        this.scene = scene;
        this.grid = new SpatialGrid(scene);
        int edges = scene.edgeCount();
        edgeBounds = new double[4 * edges];
        incidentStart = new int[scene.nodeCount() + 1];
        for (int e = 0; e < edges; e++) {
            bound(e);
            incidentStart[scene.edgeSource()[e] + 1]++;
            incidentStart[scene.edgeTarget()[e] + 1]++;
        }
        for (int n = 0; n < scene.nodeCount(); n++) {
            incidentStart[n + 1] += incidentStart[n];
        }
        incident = new int[2 * edges];
        int[] fill = incidentStart.clone();
        for (int e = 0; e < edges; e++) {
            incident[fill[scene.edgeSource()[e]]++] = e;
            incident[fill[scene.edgeTarget()[e]]++] = e;
        }
    }

    private void bound(int e) {
        int s = scene.edgeSource()[e], t = scene.edgeTarget()[e];
        double minX = Math.min(scene.x()[s], scene.x()[t]), maxX = Math.max(scene.x()[s], scene.x()[t]);
        double minY = Math.min(scene.y()[s], scene.y()[t]), maxY = Math.max(scene.y()[s], scene.y()[t]);
        double[] points = scene.edgePoints()[e];
        for (int i = 0; points != null && i + 1 < points.length; i += 2) {
            minX = Math.min(minX, points[i]);
            maxX = Math.max(maxX, points[i]);
            minY = Math.min(minY, points[i + 1]);
            maxY = Math.max(maxY, points[i + 1]);
        }
        edgeBounds[4 * e] = minX;
        edgeBounds[4 * e + 1] = minY;
        edgeBounds[4 * e + 2] = maxX;
        edgeBounds[4 * e + 3] = maxY;
    }

    /** Whether edge {@code e}'s bounding box meets the world rectangle. */
    boolean edgeMeets(int e, double minX, double minY, double maxX, double maxY) {
        return edgeBounds[4 * e + 2] >= minX
                && edgeBounds[4 * e] <= maxX
                && edgeBounds[4 * e + 3] >= minY
                && edgeBounds[4 * e + 1] <= maxY;
    }

    /** Edges into or out of {@code node} (a self-loop appears twice). */
    int[] incidentEdges(int node) {
        return java.util.Arrays.copyOfRange(incident, incidentStart[node], incidentStart[node + 1]);
    }

    /** The polyline of edge {@code e}, or its straight line between centres when it has no points. */
    double[] polyline(int e) {
        double[] points = scene.edgePoints()[e];
        if (points != null && points.length >= 4) {
            return points;
        }
        int s = scene.edgeSource()[e], t = scene.edgeTarget()[e];
        return new double[] {scene.x()[s], scene.y()[s], scene.x()[t], scene.y()[t]};
    }
}
