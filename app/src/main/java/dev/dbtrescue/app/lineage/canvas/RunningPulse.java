// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import javafx.animation.AnimationTimer;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The ripple around running nodes: a ring that widens and fades once a second, drawn on the overlay canvas over the
 * node's own running glyph (the plus shape, so the status is still told without colour or motion). The timer runs only
 * while at least one node runs, and repaints only when no other repaint of the overlay (a node starting or finishing)
 * has moved the ring a step already, so a busy run adds no frames and an idle or finished one costs nothing. FX thread
 * only.
 */
final class RunningPulse {

    static final long PERIOD_NANOS = 1_000_000_000L;
    /** Ring positions per period: smooth enough for a soft ripple at a fraction of the frame rate. */
    static final int STEPS = 20;

    private static final double SPREAD_PX = 7;
    private static final int RUNNING_ARGB = NodeStatus.RUNNING.argb();

    private final Runnable repaint;
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

    /** @param repaint repaints the overlay now (called from the timer, in the pulse's animation phase) */
    RunningPulse(Runnable repaint) {
        this.repaint = repaint;
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

    /** Draws the rings of the running nodes in view, where the ring is now; returns whether it drew any. */
    boolean paint(GraphicsContext gc, CanvasScene scene, Viewport vp, Detail detail) {
        if (running.length == 0) {
            return false;
        }
        lastPaint = System.nanoTime();
        double phase = (int) (lastPaint % PERIOD_NANOS * STEPS / PERIOD_NANOS) / (double) STEPS;
        boolean drawn = false;
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
        gc.setStroke(Color.rgb((RUNNING_ARGB >> 16) & 0xFF, (RUNNING_ARGB >> 8) & 0xFF, RUNNING_ARGB & 0xFF, alpha));
        gc.setLineWidth(2);
        double arc = detail == Detail.SHAPES ? w + 2 * grow : 2 * grow;
        double maxX = vp.width() + w, maxY = vp.height() + h;
        for (int node : running) {
            double cx = vp.toScreenX(scene.x()[node]), cy = vp.toScreenY(scene.y()[node]);
            if (cx < -w || cy < -h || cx > maxX || cy > maxY) {
                continue;
            }
            if (detail == Detail.SHAPES) {
                // the dot raster puts a shape's centre on the pixel its world centre falls in
                cx = Math.floor(cx) + 0.5;
                cy = Math.floor(cy) + 0.5;
            }
            gc.strokeRoundRect(cx - w / 2 - grow, cy - h / 2 - grow, w + 2 * grow, h + 2 * grow, arc, arc);
            drawn = true;
        }
        return drawn;
    }
}
