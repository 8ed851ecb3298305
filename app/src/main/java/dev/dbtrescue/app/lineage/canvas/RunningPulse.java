// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.collections.ObservableList;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The ripple around running nodes: a ring that widens and fades once a second around the node's own running glyph (the
 * plus shape, so the status is still told without colour or motion). Each ring is a small shape of its own, not a
 * stroke on a canvas the size of the view: on the software pipeline a full-size layer costs a clear and a blend of
 * every pixel of the view on each step, and a small shape only its own pixels. The timer runs only while at least one
 * node runs, and moves the rings only when no other repaint (a node starting or finishing, the view moving) has moved
 * them a step already, so a busy run adds no frames and an idle or finished one costs nothing. FX thread only.
 */
final class RunningPulse {

    static final long PERIOD_NANOS = 1_000_000_000L;
    /** Ring positions per period: smooth enough for a soft ripple at a fraction of the frame rate. */
    static final int STEPS = 20;

    /** Rings drawn at most: more running nodes in view keep their running glyph without a ripple. */
    static final int MAX_RINGS = 256;

    private static final double SPREAD_PX = 7;
    private static final int RUNNING_ARGB = NodeStatus.RUNNING.argb();

    private final Runnable repaint;
    private final Group rings = new Group();
    private final Rectangle clip = new Rectangle();
    private final List<Rectangle> pool = new ArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            tick(now);
        }
    };
    private int[] running = new int[0];
    private boolean active;
    private long lastPaint;
    private long frames;

    /** @param repaint moves the rings now (called from the timer, in the pulse's animation phase) */
    RunningPulse(Runnable repaint) {
        this.repaint = repaint;
        rings.setManaged(false);
        rings.setMouseTransparent(true);
        rings.setClip(clip);
    }

    /** The rings, to add over the nodes; clipped to the view. */
    Node view() {
        return rings;
    }

    /** The size of the view the rings are clipped to. */
    void resize(double width, double height) {
        clip.setWidth(width);
        clip.setHeight(height);
    }

    /**
     * Takes the running nodes of a new look, starting the animation with the first and stopping it with the last.
     *
     * @return whether the set of running nodes changed (the overlay needs a repaint)
     */
    boolean update(NodeLook look) {
        NodeStatus[] status = look.status();
        int count = 0;
        for (NodeStatus s : status) {
            if (s == NodeStatus.RUNNING) {
                count++;
            }
        }
        var now = new int[count];
        for (int node = 0, k = 0; k < count; node++) {
            if (status[node] == NodeStatus.RUNNING) {
                now[k++] = node;
            }
        }
        boolean changed = !java.util.Arrays.equals(now, running);
        running = now;
        if (count > 0 && !active) {
            active = true;
            timer.start();
        } else if (count == 0 && active) {
            active = false;
            timer.stop();
        }
        return changed;
    }

    /** Whether the ripple is animating (some node runs). */
    boolean active() {
        return active;
    }

    /** Ripple frames painted so far, for tests. */
    long frames() {
        return frames;
    }

    private void tick(long now) {
        if (now - lastPaint >= PERIOD_NANOS / STEPS) {
            frames++;
            repaint.run();
        }
    }

    /** Places the rings of the running nodes in view where the ripple is now. */
    void paint(CanvasScene scene, Viewport vp, Detail detail) {
        if (running.length == 0) {
            rings.getChildren().clear();
            return;
        }
        lastPaint = System.nanoTime();
        double phase = (int) (lastPaint % PERIOD_NANOS * STEPS / PERIOD_NANOS) / (double) STEPS;
        double s = vp.scale();
        double w, h;
        if (detail == Detail.SHAPES) {
            double d = Math.round(
                    Math.clamp(Math.min(scene.nodeWidth(), scene.nodeHeight()) * s, 4, Detail.BOXES_FROM_PX));
            w = d;
            h = d;
        } else {
            w = scene.nodeWidth() * s;
            h = scene.nodeHeight() * s;
        }
        double grow = 2 + SPREAD_PX * phase;
        double alpha = 0.9 * (1 - phase);
        Color stroke = Color.rgb((RUNNING_ARGB >> 16) & 0xFF, (RUNNING_ARGB >> 8) & 0xFF, RUNNING_ARGB & 0xFF, alpha);
        double arc = detail == Detail.SHAPES ? w + 2 * grow : 2 * grow;
        double maxX = vp.width() + w, maxY = vp.height() + h;
        int shown = 0;
        for (int node : running) {
            if (shown == MAX_RINGS) {
                break;
            }
            double cx = vp.toScreenX(scene.x()[node]), cy = vp.toScreenY(scene.y()[node]);
            if (cx < -w || cy < -h || cx > maxX || cy > maxY) {
                continue;
            }
            if (detail == Detail.SHAPES) {
                // the dot raster puts a shape's centre on the pixel its world centre falls in
                cx = Math.floor(cx) + 0.5;
                cy = Math.floor(cy) + 0.5;
            }
            Rectangle ring = ring(shown++);
            ring.setX(cx - w / 2 - grow);
            ring.setY(cy - h / 2 - grow);
            ring.setWidth(w + 2 * grow);
            ring.setHeight(h + 2 * grow);
            ring.setArcWidth(arc);
            ring.setArcHeight(arc);
            ring.setStroke(stroke);
        }
        ObservableList<Node> children = rings.getChildren();
        if (children.size() != shown) {
            children.setAll(pool.subList(0, shown));
        }
    }

    /** The rings shown now, for tests. */
    List<Rectangle> shownRings() {
        return rings.getChildren().stream().map(Rectangle.class::cast).toList();
    }

    private Rectangle ring(int k) {
        while (pool.size() <= k) {
            var ring = new Rectangle();
            ring.setFill(null);
            ring.setStrokeWidth(2);
            ring.setManaged(false);
            pool.add(ring);
        }
        return pool.get(k);
    }
}
