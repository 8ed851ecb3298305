// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import java.util.function.BooleanSupplier;

/**
 * A rasterised window of all edges: {@code pixels} are premultiplied ARGB, {@code frame.width() x frame.height()},
 * and pixel {@code (px, py)} shows world point {@code (originX + px / scale, originY + py / scale)}.
 */
record EdgeRaster(Frame frame, int[] pixels) {

    static final int EDGE_RGB = 0x5A6270;

    /** Where a raster lies in the world and how it is drawn. */
    record Frame(double originX, double originY, double scale, int width, int height, boolean simplified) {

        double maxX() {
            return originX + width / scale;
        }

        double maxY() {
            return originY + height / scale;
        }

        /** Whether this frame, at this scale, contains the world rectangle. */
        boolean covers(double scaleWanted, double minX, double minY, double maxX, double maxY) {
            double slack = 1 / scale;
            return scale == scaleWanted
                    && originX <= minX + slack
                    && originY <= minY + slack
                    && maxX() >= maxX - slack
                    && maxY() >= maxY - slack;
        }
    }

    /**
     * Rasterises every edge that meets the frame: polylines, or straight centre-to-centre lines with a lower
     * opacity when {@code frame.simplified()}. Returns {@code null} as soon as {@code cancelled} says so.
     */
    static @org.jspecify.annotations.Nullable EdgeRaster render(
            SceneIndex index, Frame frame, BooleanSupplier cancelled) {
        var rasterizer = new EdgeRasterizer(frame.width(), frame.height());
        CanvasScene scene = index.scene;
        double s = frame.scale(), ox = frame.originX(), oy = frame.originY();
        int alpha = frame.simplified() ? 70 : 150;
        for (int e = 0; e < scene.edgeCount(); e++) {
            if ((e & 1023) == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            if (!index.edgeMeets(e, ox, oy, frame.maxX(), frame.maxY())) {
                continue;
            }
            if (frame.simplified()) {
                int a = scene.edgeSource()[e], b = scene.edgeTarget()[e];
                rasterizer.line(
                        (scene.x()[a] - ox) * s,
                        (scene.y()[a] - oy) * s,
                        (scene.x()[b] - ox) * s,
                        (scene.y()[b] - oy) * s,
                        alpha);
            } else {
                double[] p = index.polyline(e);
                for (int i = 0; i + 3 < p.length; i += 2) {
                    rasterizer.line(
                            (p[i] - ox) * s, (p[i + 1] - oy) * s, (p[i + 2] - ox) * s, (p[i + 3] - oy) * s, alpha);
                }
            }
        }
        return new EdgeRaster(frame, rasterizer.toArgbPre(EDGE_RGB));
    }
}
