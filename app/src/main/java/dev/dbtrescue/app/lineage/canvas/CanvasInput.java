// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import java.util.function.IntFunction;
import javafx.animation.PauseTransition;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;

/** Mouse, keyboard and hover handling of a {@link LineageCanvas}: it turns gestures into view changes and callbacks. */
final class CanvasInput {

    private static final double WHEEL_ZOOM_PER_PIXEL = 0.0046; // one 40 px notch is about 1.2x
    private static final double KEY_ZOOM = 1.25;
    private static final double KEY_PAN = 0.1;

    @Nullable
    NodeClickHandler nodeClicked;

    @Nullable
    LassoHandler lasso;

    @Nullable
    Runnable backgroundClicked;

    @Nullable
    IntFunction<String> tooltipText;

    private final LineageCanvas owner;
    private final Tooltip tooltip = new Tooltip();
    private final PauseTransition hoverDelay = new PauseTransition(Duration.millis(300));
    private double lastX;
    private double lastY;
    private double @Nullable [] lassoPoints;
    private int lassoLength;
    private int hoverNode = -1;
    private double hoverScreenX;
    private double hoverScreenY;

    CanvasInput(LineageCanvas owner) {
        this.owner = owner;
        tooltip.setId("lineage-tooltip");
        hoverDelay.setOnFinished(event -> showTooltip());
        owner.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        owner.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        owner.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        owner.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        owner.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        owner.addEventHandler(MouseEvent.MOUSE_EXITED, event -> hover(-1, event));
        owner.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        owner.addEventHandler(ZoomEvent.ZOOM, event -> {
            owner.zoomBy(event.getZoomFactor(), event.getX(), event.getY());
            event.consume();
        });
        owner.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    private void pressed(MouseEvent event) {
        owner.requestFocus();
        hover(-1, event);
        lastX = event.getX();
        lastY = event.getY();
        lassoPoints = event.isShiftDown() ? new double[64] : null;
        lassoLength = 0;
        if (lassoPoints != null) {
            addLassoPoint(lastX, lastY);
        }
    }

    private void dragged(MouseEvent event) {
        if (lassoPoints != null) {
            if (Math.hypot(event.getX() - lastX, event.getY() - lastY) >= 2) {
                addLassoPoint(event.getX(), event.getY());
                lastX = event.getX();
                lastY = event.getY();
                owner.requestPaint();
            }
        } else {
            owner.panBy(event.getX() - lastX, event.getY() - lastY);
            lastX = event.getX();
            lastY = event.getY();
        }
        event.consume();
    }

    private void addLassoPoint(double x, double y) {
        if (lassoLength + 2 > lassoPoints.length) {
            lassoPoints = java.util.Arrays.copyOf(lassoPoints, lassoPoints.length * 2);
        }
        lassoPoints[lassoLength++] = x;
        lassoPoints[lassoLength++] = y;
    }

    private void released(MouseEvent event) {
        double[] points = lassoPoints;
        lassoPoints = null;
        if (points == null) {
            return;
        }
        owner.requestPaint();
        if (lassoLength >= 6 && !event.isStillSincePress() && lasso != null) {
            Viewport vp = owner.viewport();
            var world = new double[lassoLength];
            for (int i = 0; i < lassoLength; i += 2) {
                world[i] = vp.toWorldX(points[i]);
                world[i + 1] = vp.toWorldY(points[i + 1]);
            }
            lasso.lassoed(owner.index().grid.centresInside(world), event.isAltDown() || event.isControlDown());
        }
    }

    private void clicked(MouseEvent event) {
        if (!event.isStillSincePress()) {
            return;
        }
        int node = owner.nodeAt(event.getX(), event.getY());
        if (node >= 0 && nodeClicked != null) {
            nodeClicked.nodeClicked(node, event.isShiftDown(), event.getClickCount());
        } else if (node < 0 && backgroundClicked != null) {
            backgroundClicked.run();
        }
        event.consume();
    }

    private void moved(MouseEvent event) {
        hover(tooltipText == null ? -1 : owner.nodeAt(event.getX(), event.getY()), event);
    }

    private void hover(int node, MouseEvent event) {
        if (node == hoverNode) {
            return;
        }
        hoverNode = node;
        hoverDelay.stop();
        tooltip.hide();
        if (node >= 0) {
            hoverScreenX = event.getScreenX();
            hoverScreenY = event.getScreenY();
            hoverDelay.playFromStart();
        }
    }

    private void showTooltip() {
        IntFunction<String> text = tooltipText;
        if (hoverNode < 0
                || text == null
                || owner.getScene() == null
                || owner.getScene().getWindow() == null) {
            return;
        }
        tooltip.setText(text.apply(hoverNode));
        tooltip.show(owner, hoverScreenX + 14, hoverScreenY + 18);
    }

    private void scrolled(ScrollEvent event) {
        if (event.isShiftDown()) {
            owner.panBy(event.getDeltaX() == 0 ? event.getDeltaY() : event.getDeltaX(), 0);
        } else if (event.getDeltaY() != 0) {
            owner.zoomBy(Math.exp(event.getDeltaY() * WHEEL_ZOOM_PER_PIXEL), event.getX(), event.getY());
        }
        event.consume();
    }

    private void keyPressed(KeyEvent event) {
        Viewport vp = owner.viewport();
        double cx = vp.width() / 2, cy = vp.height() / 2;
        switch (event.getCode()) {
            case PLUS, ADD, EQUALS -> owner.zoomBy(KEY_ZOOM, cx, cy);
            case MINUS, SUBTRACT -> owner.zoomBy(1 / KEY_ZOOM, cx, cy);
            case DIGIT0, NUMPAD0, F -> owner.fit();
            case LEFT -> owner.panBy(vp.width() * KEY_PAN, 0);
            case RIGHT -> owner.panBy(-vp.width() * KEY_PAN, 0);
            case UP -> owner.panBy(0, vp.height() * KEY_PAN);
            case DOWN -> owner.panBy(0, -vp.height() * KEY_PAN);
            default -> {
                return;
            }
        }
        event.consume();
    }

    /** The lasso being drawn, if any; returns whether there was one. */
    boolean paintLasso(GraphicsContext gc) {
        if (lassoPoints == null || lassoLength < 4) {
            return false;
        }
        gc.beginPath();
        gc.moveTo(lassoPoints[0], lassoPoints[1]);
        for (int i = 2; i < lassoLength; i += 2) {
            gc.lineTo(lassoPoints[i], lassoPoints[i + 1]);
        }
        gc.closePath();
        gc.setFill(Color.rgb(0, 114, 178, 0.08));
        gc.fill();
        gc.setStroke(Color.rgb(0, 114, 178));
        gc.setLineWidth(1.2);
        gc.setLineDashes(5, 4);
        gc.stroke();
        gc.setLineDashes();
        return true;
    }
}
