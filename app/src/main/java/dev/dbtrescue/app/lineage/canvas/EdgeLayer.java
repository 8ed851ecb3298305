// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.jspecify.annotations.Nullable;

/**
 * The cached edge raster and its refresh. The FX thread draws the newest raster translated (panning) or scaled (just
 * after a zoom step) and asks for a new one when the raster no longer matches the scale or no longer covers the
 * viewport; the raster is computed on the injected executor, at most one at a time, and a newer request cancels an
 * older one through a generation counter (newest wins, stale results are dropped). The hop back to the FX thread is
 * the documented rendering exception to house-style B.3 (ADR 0009).
 */
final class EdgeLayer {

    private static final System.Logger LOG = System.getLogger(EdgeLayer.class.getName());

    /** Extra raster around the viewport, as a fraction of its size per side, so short pans need no new raster. */
    static final double MARGIN = 0.35;

    private final Executor executor;
    private final Runnable repaint;
    private final AtomicLong generation = new AtomicLong();
    private @Nullable SceneIndex index;
    private EdgeRaster.@Nullable Frame shown;
    private @Nullable WritableImage image;
    private EdgeRaster.@Nullable Frame inFlight;
    private EdgeRaster.@Nullable Frame failed; // FX thread only

    EdgeLayer(Executor executor, Runnable repaint) {
        this.executor = executor;
        this.repaint = repaint;
    }

    /** Forgets the raster of the previous scene; a job still running for it is dropped when it ends. */
    void reset(SceneIndex newIndex) {
        index = newIndex;
        shown = null;
        image = null;
        failed = null;
        generation.incrementAndGet();
    }

    /** Whether the shown raster is sharp (same scale, same detail) and covers the viewport. */
    boolean isSharp(Viewport vp, Detail detail) {
        double[] need = needed(vp);
        return need == null || matches(shown, vp, detail, need);
    }

    /** Starts a raster for the viewport unless the shown one, or the one being computed, already fits. */
    void update(Viewport vp, Detail detail) {
        double[] need = needed(vp);
        if (need == null || matches(shown, vp, detail, need) || matches(failed, vp, detail, need)) {
            return; // a frame that failed is not tried again until the view moves on
        }
        if (inFlight != null) {
            if (!matches(inFlight, vp, detail, need)) {
                generation.incrementAndGet(); // cancel; its completion repaints, which starts the right one
            }
            return;
        }
        submit(frameFor(vp, detail == Detail.SHAPES));
    }

    private static boolean matches(EdgeRaster.@Nullable Frame frame, Viewport vp, Detail detail, double[] need) {
        return frame != null
                && frame.simplified() == (detail == Detail.SHAPES)
                && frame.covers(vp.scale(), need[0], need[1], need[2], need[3]);
    }

    /** The part of the world the viewport shows, or null when it shows none of it. */
    private double @Nullable [] needed(Viewport vp) {
        if (index == null || index.scene.edgeCount() == 0) {
            return null;
        }
        double[] world = worldBounds(index.scene);
        double minX = Math.max(vp.originX(), world[0]), minY = Math.max(vp.originY(), world[1]);
        double maxX = Math.min(vp.toWorldX(vp.width()), world[2]), maxY = Math.min(vp.toWorldY(vp.height()), world[3]);
        return minX < maxX && minY < maxY ? new double[] {minX, minY, maxX, maxY} : null;
    }

    private static double[] worldBounds(CanvasScene scene) {
        double padX = scene.nodeWidth(), padY = scene.nodeHeight();
        return new double[] {-padX, -padY, scene.worldWidth() + padX, scene.worldHeight() + padY};
    }

    private EdgeRaster.Frame frameFor(Viewport vp, boolean simplified) {
        double s = vp.scale();
        double[] world = worldBounds(index.scene);
        double mx = vp.width() * MARGIN / s, my = vp.height() * MARGIN / s;
        double minX = Math.max(vp.originX() - mx, world[0]), minY = Math.max(vp.originY() - my, world[1]);
        double maxX = Math.min(vp.toWorldX(vp.width()) + mx, world[2]);
        double maxY = Math.min(vp.toWorldY(vp.height()) + my, world[3]);
        // whole pixels from the viewport origin keep the raster aligned with the screen
        double ox = vp.originX() + Math.floor((minX - vp.originX()) * s) / s;
        double oy = vp.originY() + Math.floor((minY - vp.originY()) * s) / s;
        int w = (int) Math.ceil((maxX - ox) * s) + 1, h = (int) Math.ceil((maxY - oy) * s) + 1;
        return new EdgeRaster.Frame(ox, oy, s, Math.max(1, w), Math.max(1, h), simplified);
    }

    private void submit(EdgeRaster.Frame frame) {
        long gen = generation.incrementAndGet();
        SceneIndex forScene = index;
        inFlight = frame;
        try {
            CompletableFuture.supplyAsync(() -> rasterise(forScene, frame, gen), executor)
                    .whenComplete((pixels, error) -> Platform.runLater(() -> {
                        if (error != null) {
                            failed(frame, error);
                        }
                        finished(gen, frame, pixels);
                    }));
        } catch (RejectedExecutionException shutDown) {
            inFlight = null;
        }
    }

    private @Nullable IntBuffer rasterise(SceneIndex forScene, EdgeRaster.Frame frame, long gen) {
        EdgeRaster raster = EdgeRaster.render(forScene, frame, () -> generation.get() != gen);
        if (raster == null) {
            return null;
        }
        IntBuffer direct = ByteBuffer.allocateDirect(4 * raster.pixels().length)
                .order(ByteOrder.nativeOrder())
                .asIntBuffer();
        direct.put(raster.pixels()).flip();
        return direct;
    }

    private void failed(EdgeRaster.Frame frame, Throwable error) {
        failed = frame;
        LOG.log(
                System.Logger.Level.WARNING,
                "could not draw the edges of " + frame.width() + "x" + frame.height()
                        + " px; the view shows nodes only until it moves",
                error);
    }

    private void finished(long gen, EdgeRaster.Frame frame, @Nullable IntBuffer pixels) {
        inFlight = null;
        if (pixels != null && gen == generation.get()) {
            shown = frame;
            image = new WritableImage(
                    new PixelBuffer<>(frame.width(), frame.height(), pixels, PixelFormat.getIntArgbPreInstance()));
        }
        repaint.run();
    }

    /** Draws the shown raster where it belongs for the viewport: translated, or scaled after a zoom step. */
    void draw(GraphicsContext gc, Viewport vp) {
        if (image == null || shown == null) {
            return;
        }
        double k = vp.scale() / shown.scale();
        double x = (shown.originX() - vp.originX()) * vp.scale(), y = (shown.originY() - vp.originY()) * vp.scale();
        if (k == 1) {
            gc.setImageSmoothing(false);
            gc.drawImage(image, Math.round(x), Math.round(y));
        } else {
            gc.setImageSmoothing(true);
            gc.drawImage(image, x, y, shown.width() * k, shown.height() * k);
        }
    }
}
