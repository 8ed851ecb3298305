// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import java.util.BitSet;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The edges drawn as vector strokes over the raster: those of the focused node, then those between selected nodes
 * and between highlighted nodes, at most {@link #CAP} in all so a large selection cannot stall a frame.
 */
final class DetailEdges {

    static final int CAP = 2_000;
    private static final Color FOCUS = Color.rgb(0, 114, 178);
    private static final Color SELECTION = Color.rgb(26, 26, 26, 0.75);

    private int[] focusEdges = new int[0];
    private int[] otherEdges = new int[0];

    /**
     * Recomputes the edge lists; O(E) when something is selected or highlighted.
     *
     * @return whether the lists changed (the strokes need repainting)
     */
    boolean update(SceneIndex index, NodeLook look) {
        int[] focusBefore = focusEdges, othersBefore = otherEdges;
        CanvasScene scene = index.scene;
        var taken = new BitSet();
        focusEdges = look.focused() >= 0 && look.focused() < scene.nodeCount()
                ? index.incidentEdges(look.focused())
                : new int[0];
        if (focusEdges.length > CAP) {
            focusEdges = java.util.Arrays.copyOf(focusEdges, CAP);
        }
        for (int e : focusEdges) {
            taken.set(e);
        }
        var others = new int[Math.min(CAP - focusEdges.length, scene.edgeCount())];
        int count = 0;
        if (!look.selected().isEmpty() || !look.highlighted().isEmpty()) {
            for (int e = 0; e < scene.edgeCount() && count < others.length; e++) {
                int s = scene.edgeSource()[e], t = scene.edgeTarget()[e];
                boolean selected = look.selected().get(s) && look.selected().get(t);
                boolean highlighted =
                        look.highlighted().get(s) && look.highlighted().get(t);
                if ((selected || highlighted) && !taken.get(e)) {
                    others[count++] = e;
                }
            }
        }
        otherEdges = java.util.Arrays.copyOf(others, count);
        return !java.util.Arrays.equals(focusBefore, focusEdges) || !java.util.Arrays.equals(othersBefore, otherEdges);
    }

    void paint(GraphicsContext gc, SceneIndex index, Viewport vp) {
        stroke(gc, index, vp, otherEdges, SELECTION, 1.3);
        stroke(gc, index, vp, focusEdges, FOCUS, 2.2);
    }

    private static void stroke(
            GraphicsContext gc, SceneIndex index, Viewport vp, int[] edges, Color color, double width) {
        if (edges.length == 0) {
            return;
        }
        double minX = vp.originX(),
                minY = vp.originY(),
                maxX = vp.toWorldX(vp.width()),
                maxY = vp.toWorldY(vp.height());
        gc.beginPath();
        for (int e : edges) {
            if (!index.edgeMeets(e, minX, minY, maxX, maxY)) {
                continue;
            }
            double[] p = index.polyline(e);
            gc.moveTo(vp.toScreenX(p[0]), vp.toScreenY(p[1]));
            for (int i = 2; i + 1 < p.length; i += 2) {
                gc.lineTo(vp.toScreenX(p[i]), vp.toScreenY(p[i + 1]));
            }
        }
        gc.setStroke(color);
        gc.setLineWidth(width);
        gc.stroke();
    }
}
