// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

/**
 * The outline of a status glyph in unit coordinates ({@code [-1, 1]}, y down). Vector drawing and the far-zoom dot
 * masks use the same outline, so a shape looks the same in the legend, the canvas and the minimap.
 */
public enum GlyphShape {
    CIRCLE(null),
    RING(null),
    SQUARE(new double[] {-0.85, -0.85, 0.85, -0.85, 0.85, 0.85, -0.85, 0.85}),
    DIAMOND(new double[] {0, -1, 1, 0, 0, 1, -1, 0}),
    TRIANGLE_UP(new double[] {0, -1, 1, 0.8, -1, 0.8}),
    TRIANGLE_DOWN(new double[] {-1, -0.8, 1, -0.8, 0, 1}),
    CROSS(new double[] {
        -1, -0.6, -0.6, -1, 0, -0.4, 0.6, -1, 1, -0.6, 0.4, 0, 1, 0.6, 0.6, 1, 0, 0.4, -0.6, 1, -1, 0.6, -0.4, 0
    }),
    PLUS(new double[] {
        -0.3, -1, 0.3, -1, 0.3, -0.3, 1, -0.3, 1, 0.3, 0.3, 0.3, 0.3, 1, -0.3, 1, -0.3, 0.3, -1, 0.3, -1, -0.3, -0.3,
        -0.3
    }),
    HOURGLASS(new double[] {-0.9, -1, 0.9, -1, 0.2, 0, 0.9, 1, -0.9, 1, -0.2, 0}),
    HEXAGON(new double[] {-0.5, -0.87, 0.5, -0.87, 1, 0, 0.5, 0.87, -0.5, 0.87, -1, 0});

    private final double[] polygon;

    GlyphShape(double[] polygon) {
        this.polygon = polygon;
    }

    /** Vertices {@code x0,y0,x1,y1,...}; empty for the round shapes. */
    public double[] polygon() {
        return polygon == null ? new double[0] : polygon.clone();
    }

    /** Whether the unit-coordinate point lies inside the filled shape (even-odd rule). */
    boolean contains(double px, double py) {
        double r2 = px * px + py * py;
        if (this == CIRCLE) {
            return r2 <= 1;
        }
        if (this == RING) {
            return r2 <= 1 && r2 >= 0.3;
        }
        return SpatialGrid.insidePolygon(polygon, px, py);
    }

    /** A {@code size x size} coverage mask, row-major, sampled at pixel centres. */
    boolean[] mask(int size) {
        var mask = new boolean[size * size];
        double half = size / 2.0;
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                mask[row * size + col] = contains((col + 0.5 - half) / half, (row + 0.5 - half) / half);
            }
        }
        return mask;
    }
}
