// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntConsumer;

/**
 * A uniform grid over node centres, stored compactly (cell start offsets plus one index array). Cells are at least a
 * node in size, so a point query looks at no more than four cells. Immutable after construction.
 */
final class SpatialGrid {

    private static final int MAX_CELLS_PER_AXIS = 512;

    private final double[] x;
    private final double[] y;
    private final double halfWidth;
    private final double halfHeight;
    private final int columns;
    private final int rows;
    private final double cellWidth;
    private final double cellHeight;
    private final int[] cellStart;
    private final int[] items;

    SpatialGrid(CanvasScene scene) {
        x = scene.x();
        y = scene.y();
        halfWidth = scene.nodeWidth() / 2;
        halfHeight = scene.nodeHeight() / 2;
        double spanX = Math.max(scene.worldWidth(), scene.nodeWidth());
        double spanY = Math.max(scene.worldHeight(), scene.nodeHeight());
        cellWidth = Math.max(scene.nodeWidth(), spanX / MAX_CELLS_PER_AXIS);
        cellHeight = Math.max(scene.nodeHeight(), spanY / MAX_CELLS_PER_AXIS);
        columns = (int) Math.ceil(spanX / cellWidth) + 1;
        rows = (int) Math.ceil(spanY / cellHeight) + 1;
        cellStart = new int[columns * rows + 1];
        int n = scene.nodeCount();
        var cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            cellOf[i] = cell(column(x[i]), row(y[i]));
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < columns * rows; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        items = new int[n];
        var fill = Arrays.copyOf(cellStart, cellStart.length - 1);
        for (int i = 0; i < n; i++) {
            items[fill[cellOf[i]]++] = i;
        }
    }

    private int column(double worldX) {
        return Math.clamp((long) Math.floor(worldX / cellWidth), 0, columns - 1);
    }

    private int row(double worldY) {
        return Math.clamp((long) Math.floor(worldY / cellHeight), 0, rows - 1);
    }

    private int cell(int column, int row) {
        return row * columns + column;
    }

    /** The topmost (highest-index) node whose box contains the world point, or -1. */
    int nodeAt(double worldX, double worldY) {
        int[] best = {-1};
        forEachIn(worldX, worldY, worldX, worldY, node -> {
            if (node > best[0]) {
                best[0] = node;
            }
        });
        return best[0];
    }

    /** Calls {@code action} once for every node whose box intersects the world rectangle. */
    void forEachIn(double minX, double minY, double maxX, double maxY, IntConsumer action) {
        if (items.length == 0) {
            return;
        }
        int c0 = column(minX - halfWidth), c1 = column(maxX + halfWidth);
        int r0 = row(minY - halfHeight), r1 = row(maxY + halfHeight);
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int cell = cell(c, r);
                for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                    int node = items[k];
                    if (x[node] + halfWidth >= minX
                            && x[node] - halfWidth <= maxX
                            && y[node] + halfHeight >= minY
                            && y[node] - halfHeight <= maxY) {
                        action.accept(node);
                    }
                }
            }
        }
    }

    /** Nodes whose centre lies inside the world polygon {@code x0,y0,x1,y1,...} (even-odd rule), ascending. */
    int[] centresInside(double[] polygon) {
        if (polygon.length < 6) {
            return new int[0];
        }
        double minX = Double.POSITIVE_INFINITY, minY = minX, maxX = Double.NEGATIVE_INFINITY, maxY = maxX;
        for (int i = 0; i < polygon.length; i += 2) {
            minX = Math.min(minX, polygon[i]);
            maxX = Math.max(maxX, polygon[i]);
            minY = Math.min(minY, polygon[i + 1]);
            maxY = Math.max(maxY, polygon[i + 1]);
        }
        var found = new BitSet();
        forEachIn(minX, minY, maxX, maxY, node -> {
            if (insidePolygon(polygon, x[node], y[node])) {
                found.set(node);
            }
        });
        return found.stream().toArray();
    }

    /** Even-odd point-in-polygon test; {@code polygon} is x0, y0, x1, y1, ... (also used for the status glyphs). */
    static boolean insidePolygon(double[] polygon, double px, double py) {
        boolean inside = false;
        int n = polygon.length / 2;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = polygon[2 * i], yi = polygon[2 * i + 1], xj = polygon[2 * j], yj = polygon[2 * j + 1];
            if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
