// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import javafx.animation.AnimationTimer;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.jspecify.annotations.Nullable;

/**
 * A lineage DAG drawn on one viewport-sized Canvas: viewport culling through a spatial grid, three levels of detail,
 * a cached edge raster computed on {@code rasterExecutor}, vector strokes only for the edges that matter (focus and
 * selection). Paints at most once per pulse. Mouse: drag pans, wheel and pinch zoom around the pointer, shift+drag
 * lassoes (add; with alt or ctrl: remove). Keys: + and - zoom, 0 or F fit, arrows pan. All screen coordinates are in
 * this region's local space. FX thread only.
 */
public final class LineageCanvas extends Region {

    static final Color BACKGROUND = Color.rgb(250, 250, 248);
    private static final double FIT_PADDING = 24;

    private final Canvas canvas = new Canvas();
    private final Viewport viewport = new Viewport();
    private final NodePainter nodePainter = new NodePainter();
    private final DetailEdges detailEdges = new DetailEdges();
    private final EdgeLayer edges;
    private final CanvasInput input;
    private final List<Runnable> viewListeners = new ArrayList<>();
    private final List<Runnable> lookListeners = new ArrayList<>();
    private final AnimationTimer painter = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            paintNow();
        }
    };
    private SceneIndex index = new SceneIndex(CanvasScene.EMPTY);
    private NodeLook look = NodeLook.uniform(0, NodeStatus.NOT_RUN);
    private boolean fitPending;
    private @Nullable DotRasterizer dots;
    private @Nullable PixelBuffer<IntBuffer> dotPixels;
    private @Nullable WritableImage dotImage;

    public LineageCanvas(Executor rasterExecutor) {
        edges = new EdgeLayer(rasterExecutor, this::requestPaint);
        input = new CanvasInput(this);
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(0, 0);
        setPrefSize(800, 600);
        setId("lineage-canvas");
        getStyleClass().add("lineage-canvas");
    }

    /**
     * Shows a new layout with its look: caches are rebuilt, the view stays where it is (call {@link #fit()} to show
     * all of it).
     *
     * @throws IllegalArgumentException if the look is for another number of nodes
     */
    public void setScene(CanvasScene scene, NodeLook look) {
        requireFits(scene, look);
        index = new SceneIndex(scene);
        edges.reset(index);
        setLook(look);
    }

    /** Changes statuses, badges, selection, highlights and focus; repaints on the next pulse. */
    public void setLook(NodeLook look) {
        requireFits(index.scene, look);
        this.look = look;
        detailEdges.update(index, look);
        lookListeners.forEach(Runnable::run);
        requestPaint();
    }

    private static void requireFits(CanvasScene scene, NodeLook look) {
        if (look.status().length != scene.nodeCount() || look.badges().length != scene.nodeCount()) {
            throw new IllegalArgumentException(
                    "a look for " + look.status().length + " nodes cannot show a scene of " + scene.nodeCount());
        }
    }

    /** Shows the whole world. */
    public void fit() {
        fitPending = viewport.width() <= 0;
        CanvasScene scene = index.scene;
        viewport.fit(scene.worldWidth(), scene.worldHeight(), FIT_PADDING);
        requestPaint();
    }

    /** Centres {@code node}, zooming in first to a level where labels are readable if the view is further out. */
    public void centerOn(int node) {
        CanvasScene scene = index.scene;
        if (node < 0 || node >= scene.nodeCount()) {
            return;
        }
        double readable = Detail.READABLE_PX / scene.nodeHeight();
        if (viewport.scale() < readable) {
            viewport.setScale(readable);
        }
        viewport.centreOn(scene.x()[node], scene.y()[node]);
        fitPending = false;
        requestPaint();
    }

    /** Multiplies the zoom by {@code factor}, keeping the world point under {@code (screenX, screenY)} in place. */
    public void zoomBy(double factor, double screenX, double screenY) {
        CanvasScene scene = index.scene;
        double min = viewport.fitScale(scene.worldWidth(), scene.worldHeight(), FIT_PADDING) / 2;
        viewport.zoomAround(factor, screenX, screenY, min);
        requestPaint();
    }

    /** Screen pixels per world unit. */
    public double getZoom() {
        return viewport.scale();
    }

    public void setOnNodeClicked(@Nullable NodeClickHandler handler) {
        input.nodeClicked = handler;
    }

    public void setOnLasso(@Nullable LassoHandler handler) {
        input.lasso = handler;
    }

    public void setOnBackgroundClicked(@Nullable Runnable handler) {
        input.backgroundClicked = handler;
    }

    /** Text of the tooltip shown after hovering a node for 300 ms; {@code null} for no tooltips. */
    public void setTooltipProvider(@Nullable IntFunction<String> text) {
        input.tooltipText = text;
    }

    /** The topmost node under the point, or -1; O(1) through the spatial grid. */
    public int nodeAt(double screenX, double screenY) {
        return index.grid.nodeAt(viewport.toWorldX(screenX), viewport.toWorldY(screenY));
    }

    /** A minimap of this canvas: the whole world as dots plus the viewport; click or drag moves the view. */
    public Minimap minimap() {
        return new Minimap(this);
    }

    // ---- package-private: input, minimap, tests and the benchmark

    Viewport viewport() {
        return viewport;
    }

    SceneIndex index() {
        return index;
    }

    NodeLook look() {
        return look;
    }

    void panBy(double dx, double dy) {
        viewport.panBy(dx, dy);
        requestPaint();
    }

    void centreOnWorld(double worldX, double worldY) {
        viewport.centreOn(worldX, worldY);
        requestPaint();
    }

    /** Whether the edge raster on screen is the sharp one for the current zoom and position. */
    boolean edgesSharp() {
        return edges.isSharp(viewport, Detail.at(viewport.scale(), index.scene.nodeHeight()));
    }

    void onViewChanged(Runnable listener) {
        viewListeners.add(listener);
    }

    void onLookChanged(Runnable listener) {
        lookListeners.add(listener);
    }

    void requestPaint() {
        painter.start();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth()), h = Math.floor(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            viewport.resize(w, h);
            if (fitPending && w > 0) {
                fit();
            }
            requestPaint();
        }
    }

    /** Paints the current state now (normally once per pulse from the timer). */
    void paintNow() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setGlobalAlpha(1);
        gc.setFill(BACKGROUND);
        gc.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Detail detail = Detail.at(viewport.scale(), index.scene.nodeHeight());
        edges.update(viewport, detail);
        edges.draw(gc, viewport);
        detailEdges.paint(gc, index, viewport);
        if (detail == Detail.SHAPES) {
            paintDots(gc);
        } else {
            nodePainter.paintBoxes(gc, index, look, viewport, detail);
        }
        nodePainter.paintFocus(gc, index.scene, look, viewport);
        input.paintLasso(gc);
        viewListeners.forEach(Runnable::run);
    }

    private void paintDots(GraphicsContext gc) {
        int w = (int) canvas.getWidth(), h = (int) canvas.getHeight();
        if (w <= 0 || h <= 0) {
            return;
        }
        if (dots == null || dots.width() != w || dots.height() != h) {
            dots = new DotRasterizer(w, h);
            IntBuffer dotBuffer = ByteBuffer.allocateDirect(4 * w * h)
                    .order(ByteOrder.nativeOrder())
                    .asIntBuffer();
            dotPixels = new PixelBuffer<>(w, h, dotBuffer, PixelFormat.getIntArgbPreInstance());
            dotImage = new WritableImage(dotPixels);
        }
        // only the part of the viewport the world covers: at full-project zoom a tall DAG is a narrow strip
        CanvasScene scene = index.scene;
        double pad = Detail.BOXES_FROM_PX + 8;
        int x0 = (int) Math.clamp(Math.floor(viewport.toScreenX(0) - pad), 0, w);
        int y0 = (int) Math.clamp(Math.floor(viewport.toScreenY(0) - pad), 0, h);
        int x1 = (int) Math.clamp(Math.ceil(viewport.toScreenX(scene.worldWidth()) + pad), 0, w);
        int y1 = (int) Math.clamp(Math.ceil(viewport.toScreenY(scene.worldHeight()) + pad), 0, h);
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        dots.clear(x0, y0, x1, y1);
        double nodeScreen = Math.min(scene.nodeWidth(), scene.nodeHeight()) * viewport.scale();
        int diameter = (int) Math.round(Math.clamp(nodeScreen, 4, Detail.BOXES_FROM_PX));
        dots.draw(index, look, viewport.originX(), viewport.originY(), viewport.scale(), diameter);
        int[] pixels = dots.pixels();
        // write only inside updateBuffer, and through a duplicate: Prism reads the same buffer and moves its position
        // and limit when it uploads it, so the shared buffer's bounds are not ours to set or trust (with frequent
        // repaints, as a live run gives, a put against Prism's limit failed)
        dotPixels.updateBuffer(buffer -> {
            IntBuffer target = buffer.getBuffer().duplicate().clear();
            for (int y = y0; y < y1; y++) {
                target.put(y * w + x0, pixels, y * w + x0, x1 - x0);
            }
            return new Rectangle2D(x0, y0, x1 - x0, y1 - y0);
        });
        gc.setImageSmoothing(false);
        gc.drawImage(dotImage, x0, y0, x1 - x0, y1 - y0, x0, y0, x1 - x0, y1 - y0);
    }
}
