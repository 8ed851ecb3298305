// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.jspecify.annotations.Nullable;

/**
 * A lineage DAG drawn on one viewport-sized Canvas: viewport culling through a spatial grid, three levels of detail,
 * a cached edge raster computed on {@code rasterExecutor}, vector strokes only for the edges that matter (focus and
 * selection). Four layers, each repainted only when what it shows changed, at most once per pulse: the canvas
 * (background, edges, and the boxes when zoomed in), the far-zoom dots (restamped per changed node when only the look
 * changed), the ripples around running nodes (a small ring each) and an overlay (focus ring, lasso). Mouse: drag pans,
 * wheel and pinch zoom around the pointer, shift+drag lassoes (add; with alt or ctrl: remove). Keys: + and - zoom, 0
 * or F fit, arrows pan. All screen coordinates are in this region's local space. FX thread only.
 */
public final class LineageCanvas extends Region {

    static final Color BACKGROUND = Color.rgb(250, 250, 248);
    private static final double FIT_PADDING = 24;

    private final Canvas canvas = new Canvas();
    private final Canvas overlay = new Canvas();
    private final DotLayer dots = new DotLayer();
    private final RunningPulse pulse = new RunningPulse(this::paintRipples);
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
    private boolean baseDirty = true;
    private boolean overlayDirty = true;
    private boolean ripplesDirty = true;

    public LineageCanvas(Executor rasterExecutor) {
        edges = new EdgeLayer(rasterExecutor, this::requestPaint);
        input = new CanvasInput(this);
        overlay.setMouseTransparent(true);
        getChildren().addAll(canvas, dots.view(), pulse.view(), overlay);
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
        requestPaint();
    }

    /**
     * Changes statuses, badges, selection, highlights and focus; repaints on the next pulse only the layers that show
     * a difference (far out, a status change restamps just the changed dots).
     */
    public void setLook(NodeLook look) {
        requireFits(index.scene, look);
        NodeLook before = this.look;
        this.look = look;
        boolean edgesChanged = detailEdges.update(index, look);
        boolean runningChanged = pulse.update(look);
        lookListeners.forEach(Runnable::run);
        if (edgesChanged || Detail.at(viewport.scale(), index.scene.nodeHeight()) != Detail.SHAPES) {
            baseDirty = true;
        }
        if (before.focused() != look.focused()) {
            overlayDirty = true;
        }
        ripplesDirty |= runningChanged;
        painter.start();
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

    /** Repaints every layer on the next pulse (the view, the drawing or the edge raster changed). */
    void requestPaint() {
        baseDirty = true;
        overlayDirty = true;
        painter.start();
    }

    /** Whether running nodes are being animated, for tests. */
    boolean pulsing() {
        return pulse.active();
    }

    /** Ripple frames painted so far, for tests. */
    long pulseFrames() {
        return pulse.frames();
    }

    /** The far-zoom dot layer, for tests. */
    DotLayer dotLayer() {
        return dots;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth()), h = Math.floor(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            overlay.setWidth(w);
            overlay.setHeight(h);
            pulse.resize(w, h);
            viewport.resize(w, h);
            if (fitPending && w > 0) {
                fit();
            }
            requestPaint();
        }
    }

    /** Paints what changed now (normally once per pulse from the timer). */
    void paintNow() {
        Detail detail = Detail.at(viewport.scale(), index.scene.nodeHeight());
        if (baseDirty) {
            baseDirty = false;
            paintBase(detail);
        }
        if (detail == Detail.SHAPES) {
            dots.paint(index, look, viewport, (int) canvas.getWidth(), (int) canvas.getHeight());
        } else {
            dots.hide();
        }
        if (overlayDirty) {
            paintOverlay();
        } else if (ripplesDirty) {
            paintRipples();
        }
    }

    private void paintBase(Detail detail) {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setGlobalAlpha(1);
        gc.setFill(BACKGROUND);
        gc.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        edges.update(viewport, detail);
        edges.draw(gc, viewport);
        detailEdges.paint(gc, index, viewport);
        if (detail != Detail.SHAPES) {
            nodePainter.paintBoxes(gc, index, look, viewport, detail);
        }
        viewListeners.forEach(Runnable::run);
    }

    /** The ripples, then the overlay's focus ring and lasso, over the nodes at every level of detail. */
    private void paintOverlay() {
        overlayDirty = false;
        paintRipples();
        GraphicsContext gc = overlay.getGraphicsContext2D();
        gc.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        boolean drawn = nodePainter.paintFocus(gc, index.scene, look, viewport);
        drawn |= input.paintLasso(gc);
        // an empty layer is left out: the software pipeline would still blend all of its transparent pixels
        overlay.setVisible(drawn);
    }

    private void paintRipples() {
        ripplesDirty = false;
        pulse.paint(index.scene, viewport, Detail.at(viewport.scale(), index.scene.nodeHeight()));
    }

    /** The ripple rings shown now, for tests. */
    List<javafx.scene.shape.Rectangle> ripples() {
        return pulse.shownRings();
    }
}
