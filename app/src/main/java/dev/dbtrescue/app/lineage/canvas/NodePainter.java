// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** Draws visible nodes as vector boxes (the near levels of detail) and the focus ring. FX thread only. */
final class NodePainter {

    private static final Color BOX = Color.WHITE;
    private static final Color BORDER = Color.rgb(107, 114, 128);
    private static final Color INK = Color.rgb(26, 26, 26);
    private static final Color HALO = Color.rgb(240, 192, 0, 0.55);
    private static final Color FOCUS = Color.rgb(0, 114, 178);
    private static final double DIM_ALPHA = 0.25;

    private final Font font = Font.font("System", 1);
    private final LabelFitter fitter = measure(font);

    private static LabelFitter measure(Font font) {
        var text = new Text();
        text.setFont(Font.font(font.getFamily(), 100));
        var widths = new double[128];
        for (char c = 32; c < 128; c++) {
            text.setText(String.valueOf(c));
            widths[c] = text.getLayoutBounds().getWidth() / 100;
        }
        text.setText("M");
        double other = text.getLayoutBounds().getWidth() / 100;
        text.setText(LabelFitter.ELLIPSIS);
        return new LabelFitter(widths, other, text.getLayoutBounds().getWidth() / 100);
    }

    /** Draws every node of the viewport as a box, with labels when {@code detail} is {@link Detail#LABELS}. */
    void paintBoxes(GraphicsContext gc, SceneIndex index, NodeLook look, Viewport vp, Detail detail) {
        CanvasScene scene = index.scene;
        double s = vp.scale(), w = scene.nodeWidth() * s, h = scene.nodeHeight() * s;
        double fontSize = Math.clamp(h * 0.42, 8, 15);
        gc.setTextBaseline(VPos.CENTER);
        var fonts = new Font[] {Font.font(font.getFamily(), fontSize), Font.font(font.getFamily(), fontSize * 0.85)};
        index.grid.forEachIn(vp.originX(), vp.originY(), vp.toWorldX(vp.width()), vp.toWorldY(vp.height()), node -> {
            double left = vp.toScreenX(scene.x()[node]) - w / 2, top = vp.toScreenY(scene.y()[node]) - h / 2;
            gc.setGlobalAlpha(look.dimmed(node) ? DIM_ALPHA : 1);
            paintBox(gc, look, node, left, top, w, h);
            if (detail == Detail.LABELS) {
                paintText(gc, scene.labels()[node], look.badgeOf(node), left, top, w, h, fonts);
            }
        });
        gc.setGlobalAlpha(1);
    }

    private void paintBox(GraphicsContext gc, NodeLook look, int node, double left, double top, double w, double h) {
        if (look.highlighted().get(node)) {
            gc.setFill(HALO);
            double pad = Math.max(3, h * 0.25);
            gc.fillRoundRect(left - pad, top - pad, w + 2 * pad, h + 2 * pad, 2 * pad, 2 * pad);
        }
        NodeStatus status = look.statusOf(node);
        gc.setFill(BOX);
        gc.fillRect(left, top, w, h);
        double bar = Math.max(3, h * 0.18);
        gc.setFill(StatusGlyphs.color(status));
        gc.fillRect(left, top, bar, h);
        boolean selected = look.selected().get(node);
        gc.setStroke(selected ? INK : BORDER);
        gc.setLineWidth(selected ? Math.max(2, h * 0.1) : 0.75);
        gc.strokeRect(left, top, w, h);
        double glyph = Math.min(h * 0.62, 16);
        StatusGlyphs.draw(gc, status, left + bar + 2 + glyph / 2, top + h / 2, glyph);
        if (look.boundary().get(node)) {
            // a notch on the left edge: an arrowhead pointing into the node, "selection starts here"
            double a = Math.max(3, h * 0.3);
            gc.setFill(INK);
            gc.fillPolygon(
                    new double[] {left - a * 1.4, left, left - a * 1.4},
                    new double[] {top + h / 2 - a, top + h / 2, top + h / 2 + a},
                    3);
        }
    }

    private void paintText(
            GraphicsContext gc, String label, String badge, double left, double top, double w, double h, Font[] fonts) {
        double size = fonts[0].getSize();
        double bar = Math.max(3, h * 0.18), glyph = Math.min(h * 0.62, 16);
        double textLeft = left + bar + glyph + 6, right = left + w - 4;
        gc.setFill(INK);
        if (!badge.isEmpty()) {
            double badgeSize = fonts[1].getSize();
            String fitted = fitter.fit(badge, badgeSize, w * 0.35);
            gc.setFont(fonts[1]);
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.fillText(fitted, right, top + h / 2);
            right -= fitter.width(fitted, badgeSize) + 6;
        }
        gc.setFont(fonts[0]);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(fitter.fit(label, size, right - textLeft), textLeft, top + h / 2);
    }

    /** A strong ring around the focused node, at any level of detail; returns whether there is one. */
    boolean paintFocus(GraphicsContext gc, CanvasScene scene, NodeLook look, Viewport vp) {
        int node = look.focused();
        if (node < 0 || node >= scene.nodeCount()) {
            return false;
        }
        double s = vp.scale();
        double w = Math.max(scene.nodeWidth() * s, 8), h = Math.max(scene.nodeHeight() * s, 8);
        double cx = vp.toScreenX(scene.x()[node]), cy = vp.toScreenY(scene.y()[node]);
        gc.setStroke(FOCUS);
        gc.setLineWidth(3);
        gc.strokeRoundRect(cx - w / 2 - 4, cy - h / 2 - 4, w + 8, h + 8, 8, 8);
        return true;
    }
}
