// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The status glyphs as the canvas draws them, for legends and lists: same Okabe-Ito colour, same shape, thin dark
 * outline so the light colours (yellow, sky blue) stay visible on white.
 */
public final class StatusGlyphs {

    private static final Color OUTLINE = Color.rgb(26, 26, 26, 0.85);

    private StatusGlyphs() {}

    /** The status colour. */
    public static Color color(NodeStatus status) {
        int argb = status.argb();
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
    }

    /** Draws the glyph of {@code status} centred on {@code (cx, cy)}, {@code size} pixels across. */
    public static void draw(GraphicsContext gc, NodeStatus status, double cx, double cy, double size) {
        double r = size / 2;
        gc.setFill(color(status));
        gc.setStroke(OUTLINE);
        gc.setLineWidth(Math.max(0.75, size / 14));
        GlyphShape shape = status.shape();
        switch (shape) {
            case CIRCLE -> {
                gc.fillOval(cx - r, cy - r, size, size);
                gc.strokeOval(cx - r, cy - r, size, size);
            }
            case RING -> {
                double ring = Math.max(1, size * 0.22);
                gc.setStroke(color(status));
                gc.setLineWidth(ring);
                gc.strokeOval(cx - r + ring / 2, cy - r + ring / 2, size - ring, size - ring);
            }
            default -> {
                double[] unit = shape.polygon();
                int n = unit.length / 2;
                var xs = new double[n];
                var ys = new double[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = cx + unit[2 * i] * r;
                    ys[i] = cy + unit[2 * i + 1] * r;
                }
                gc.fillPolygon(xs, ys, n);
                gc.strokePolygon(xs, ys, n);
            }
        }
    }

    /** A small node showing the glyph, for a legend row. */
    public static Node glyph(NodeStatus status, double size) {
        var canvas = new Canvas(Math.ceil(size + 2), Math.ceil(size + 2));
        draw(canvas.getGraphicsContext2D(), status, canvas.getWidth() / 2, canvas.getHeight() / 2, size);
        canvas.getStyleClass().add("status-glyph");
        canvas.setAccessibleText(status.label());
        return canvas;
    }
}
