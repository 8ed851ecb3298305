// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.BitSet;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.jspecify.annotations.Nullable;

/**
 * The far-zoom dots, an image over the base canvas. A new look for the same drawing and view restamps only the dots
 * whose look changed and hands Prism only that part of the buffer, so a live run's recolouring costs neither a
 * repaint of the canvas nor a restamp of every node; a new view, zoom or drawing restamps everything. FX thread only.
 */
final class DotLayer {

    private final ImageView view = new ImageView();
    private @Nullable DotRasterizer dots;
    private @Nullable PixelBuffer<IntBuffer> pixels;
    private @Nullable SceneIndex drawnIndex;
    private @Nullable NodeLook drawnLook;
    private double drawnOriginX;
    private double drawnOriginY;
    private double drawnScale;
    private int drawnDiameter;
    private int restamps;
    private int fullRestamps;

    DotLayer() {
        view.setManaged(false);
        view.setMouseTransparent(true);
        view.setSmooth(false);
        view.setVisible(false);
    }

    ImageView view() {
        return view;
    }

    void hide() {
        view.setVisible(false);
    }

    /** Restamps for the look, view and size: only what changed, or nothing. */
    void paint(SceneIndex index, NodeLook look, Viewport vp, int w, int h) {
        if (w <= 0 || h <= 0) {
            hide();
            return;
        }
        if (dots == null || dots.width() != w || dots.height() != h) {
            allocate(w, h);
        }
        // only the part of the viewport the world covers: at full-project zoom a tall DAG is a narrow strip
        CanvasScene scene = index.scene;
        double pad = Detail.BOXES_FROM_PX + 8;
        int x0 = (int) Math.clamp(Math.floor(vp.toScreenX(0) - pad), 0, w);
        int y0 = (int) Math.clamp(Math.floor(vp.toScreenY(0) - pad), 0, h);
        int x1 = (int) Math.clamp(Math.ceil(vp.toScreenX(scene.worldWidth()) + pad), 0, w);
        int y1 = (int) Math.clamp(Math.ceil(vp.toScreenY(scene.worldHeight()) + pad), 0, h);
        if (x1 <= x0 || y1 <= y0) {
            hide();
            return;
        }
        double nodeScreen = Math.min(scene.nodeWidth(), scene.nodeHeight()) * vp.scale();
        int diameter = (int) Math.round(Math.clamp(nodeScreen, 4, Detail.BOXES_FROM_PX));
        boolean sameView = drawnIndex == index
                && drawnLook != null
                && drawnOriginX == vp.originX()
                && drawnOriginY == vp.originY()
                && drawnScale == vp.scale()
                && drawnDiameter == diameter;
        if (!sameView || !restampChanged(index, look)) {
            restampAll(index, look, vp, diameter, x0, y0, x1, y1);
        }
        drawnLook = look;
        view.setVisible(true);
    }

    /** Restamps the dots whose look changed; false when so many changed that a full restamp is due. */
    private boolean restampChanged(SceneIndex index, NodeLook look) {
        if (look == drawnLook) {
            return true;
        }
        BitSet changed = look.dotsChangedFrom(drawnLook);
        if (changed.isEmpty()) {
            return true;
        }
        CanvasScene scene = index.scene;
        double area = scene.worldWidth() * drawnScale * scene.worldHeight() * drawnScale;
        if (!DotRasterizer.cheaperToRedraw(changed.cardinality(), scene.nodeCount(), area, drawnDiameter)) {
            return false;
        }
        int[] rects = dots.redraw(
                index, look, changed.stream().toArray(), drawnOriginX, drawnOriginY, drawnScale, drawnDiameter);
        if (rects.length > 0) {
            copy(rects);
        }
        restamps++;
        return true;
    }

    private void restampAll(
            SceneIndex index, NodeLook look, Viewport vp, int diameter, int x0, int y0, int x1, int y1) {
        dots.clear(x0, y0, x1, y1);
        dots.draw(index, look, vp.originX(), vp.originY(), vp.scale(), diameter);
        copy(new int[] {x0, y0, x1, y1});
        drawnIndex = index;
        drawnOriginX = vp.originX();
        drawnOriginY = vp.originY();
        drawnScale = vp.scale();
        drawnDiameter = diameter;
        Rectangle2D shown = new Rectangle2D(x0, y0, x1 - x0, y1 - y0);
        if (!shown.equals(view.getViewport())) {
            view.setViewport(shown);
            view.relocate(x0, y0);
        }
        fullRestamps++;
    }

    /** Hands Prism the rectangles {@code x0, y0, x1, y1, ...} of the raster; it uploads their union. */
    private void copy(int[] rects) {
        int[] source = dots.pixels();
        int w = dots.width();
        // write only inside updateBuffer, and through a duplicate: Prism reads the same buffer and moves its position
        // and limit when it uploads it, so the shared buffer's bounds are not ours to set or trust (with frequent
        // repaints, as a live run gives, a put against Prism's limit failed)
        pixels.updateBuffer(buffer -> {
            IntBuffer target = buffer.getBuffer().duplicate().clear();
            int ux0 = Integer.MAX_VALUE, uy0 = Integer.MAX_VALUE, ux1 = 0, uy1 = 0;
            for (int r = 0; r < rects.length; r += 4) {
                int x0 = rects[r], y0 = rects[r + 1], x1 = rects[r + 2], y1 = rects[r + 3];
                for (int y = y0; y < y1; y++) {
                    target.put(y * w + x0, source, y * w + x0, x1 - x0);
                }
                ux0 = Math.min(ux0, x0);
                uy0 = Math.min(uy0, y0);
                ux1 = Math.max(ux1, x1);
                uy1 = Math.max(uy1, y1);
            }
            return new Rectangle2D(ux0, uy0, ux1 - ux0, uy1 - uy0);
        });
    }

    private void allocate(int w, int h) {
        dots = new DotRasterizer(w, h);
        IntBuffer buffer = ByteBuffer.allocateDirect(4 * w * h)
                .order(ByteOrder.nativeOrder())
                .asIntBuffer();
        pixels = new PixelBuffer<>(w, h, buffer, PixelFormat.getIntArgbPreInstance());
        view.setImage(new WritableImage(pixels));
        view.setViewport(null);
        drawnIndex = null;
        drawnLook = null;
    }

    /** Looks drawn by restamping only their changes, for tests. */
    int restamps() {
        return restamps;
    }

    /** Full restamps of every node in view, for tests. */
    int fullRestamps() {
        return fullRestamps;
    }
}
