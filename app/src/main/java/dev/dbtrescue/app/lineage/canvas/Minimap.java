// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import java.util.BitSet;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The whole world of a {@link LineageCanvas} as status-coloured dots (an image cached until the scene or the size
 * changes; a new look restamps only the dots it changed) with the canvas's viewport as a rectangle. Pressing or dragging centres the canvas there.
 */
public final class Minimap extends Region {

    private static final double PADDING = 4;

    /** The shortest time between two renders of the dots for look changes. */
    static final Duration LOOK_PAUSE = Duration.millis(250);

    private static final int DIAMETER = 3;

    private final LineageCanvas lineage;
    private final Canvas canvas = new Canvas();
    private @Nullable WritableImage dots;
    private @Nullable DotRasterizer raster;
    private @Nullable SceneIndex drawnIndex;
    private @Nullable NodeLook drawnLook;
    private double drawnScale;
    private boolean lookStale;
    private double scale;
    private double offsetX;
    private double offsetY;
    private long lastRender;
    private final PauseTransition pending = new PauseTransition(LOOK_PAUSE);

    public Minimap(LineageCanvas lineage) {
        this.lineage = lineage;
        getChildren().add(canvas);
        setPrefSize(220, 160);
        setMinSize(40, 30);
        setId("lineage-minimap");
        pending.setOnFinished(e -> {
            lookStale = true;
            paint();
        });
        getStyleClass().add("lineage-minimap");
        lineage.onViewChanged(this::paint);
        lineage.onLookChanged(this::lookChanged);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::moveView);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::moveView);
    }

    /**
     * Re-renders the dots for a new look at most every {@link #LOOK_PAUSE}: a live run changes the look many times a
     * second, and each render repaints the minimap (stamping only the changed dots).
     */
    private void lookChanged() {
        long now = System.nanoTime();
        if (now - lastRender >= LOOK_PAUSE.toMillis() * 1_000_000L) {
            lookStale = true;
            paint();
        } else if (!pending.getStatus().equals(Animation.Status.RUNNING)) {
            pending.playFromStart();
        }
    }

    private void moveView(MouseEvent event) {
        if (scale > 0) {
            lineage.centreOnWorld((event.getX() - offsetX) / scale, (event.getY() - offsetY) / scale);
        }
        event.consume();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth()), h = Math.floor(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dots = null;
            paint();
        }
    }

    private void paint() {
        int w = (int) canvas.getWidth(), h = (int) canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        CanvasScene scene = lineage.index().scene;
        double worldW = Math.max(scene.worldWidth(), 1), worldH = Math.max(scene.worldHeight(), 1);
        scale = Math.min((w - 2 * PADDING) / worldW, (h - 2 * PADDING) / worldH);
        offsetX = (w - worldW * scale) / 2;
        offsetY = (h - worldH * scale) / 2;
        if (dots == null || drawnIndex != lineage.index() || drawnScale != scale) {
            dots = renderDots(w, h);
            lastRender = System.nanoTime();
        } else if (lookStale) {
            if (!restampChanged(dots)) {
                dots = renderDots(w, h);
            }
            lastRender = System.nanoTime();
        }
        lookStale = false;
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setFill(LineageCanvas.BACKGROUND);
        gc.fillRect(0, 0, w, h);
        gc.drawImage(dots, 0, 0);
        Viewport vp = lineage.viewport();
        gc.setStroke(Color.rgb(0, 114, 178));
        gc.setLineWidth(1.5);
        gc.strokeRect(
                offsetX + vp.originX() * scale,
                offsetY + vp.originY() * scale,
                vp.width() / vp.scale() * scale,
                vp.height() / vp.scale() * scale);
        gc.setStroke(Color.rgb(107, 114, 128));
        gc.setLineWidth(1);
        gc.strokeRect(0.5, 0.5, w - 1, h - 1);
    }

    private WritableImage renderDots(int w, int h) {
        raster = new DotRasterizer(w, h);
        drawnIndex = lineage.index();
        drawnLook = lineage.look();
        drawnScale = scale;
        raster.draw(drawnIndex, drawnLook, -offsetX / scale, -offsetY / scale, scale, DIAMETER);
        var image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), raster.pixels(), 0, w);
        return image;
    }

    /** Restamps the dots whose look changed; false when so many changed that a full render is cheaper. */
    private boolean restampChanged(WritableImage image) {
        NodeLook look = lineage.look();
        BitSet changed = look.dotsChangedFrom(drawnLook);
        CanvasScene scene = drawnIndex.scene;
        double area = scene.worldWidth() * scale * scene.worldHeight() * scale;
        if (!DotRasterizer.cheaperToRedraw(changed.cardinality(), scene.nodeCount(), area, DIAMETER)) {
            return false;
        }
        drawnLook = look;
        int[] rects = raster.redraw(
                drawnIndex, look, changed.stream().toArray(), -offsetX / scale, -offsetY / scale, scale, DIAMETER);
        int w = raster.width();
        for (int r = 0; r < rects.length; r += 4) {
            int x0 = rects[r], y0 = rects[r + 1], x1 = rects[r + 2], y1 = rects[r + 3];
            image.getPixelWriter()
                    .setPixels(
                            x0,
                            y0,
                            x1 - x0,
                            y1 - y0,
                            PixelFormat.getIntArgbPreInstance(),
                            raster.pixels(),
                            y0 * w + x0,
                            w);
        }
        return true;
    }

    /** The canvas point that pressing at minimap point {@code (x, y)} would centre, for tests. */
    double[] worldAt(double x, double y) {
        return new double[] {(x - offsetX) / scale, (y - offsetY) / scale};
    }
}
