// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The canvas in a real (headless) window: hit-testing, gestures, painting and the edge raster swap. */
@ExtendWith(ApplicationExtension.class)
class LineageCanvasTest {

    private final ExecutorService raster = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "test-edge-raster");
        thread.setDaemon(true);
        return thread;
    });
    private LineageCanvas canvas;
    private Minimap minimap;
    private final CanvasScene scene = Scenes.grid(6, 8);

    @Start
    void start(Stage stage) {
        canvas = new LineageCanvas(raster);
        canvas.setPrefSize(800, 600);
        minimap = canvas.minimap();
        canvas.setScene(scene, NodeLook.uniform(scene.nodeCount(), NodeStatus.NOT_RUN));
        canvas.fit();
        stage.setScene(new Scene(new HBox(canvas, minimap), 1020, 600));
        stage.show();
    }

    @AfterEach
    void stopRaster() {
        raster.shutdownNow();
    }

    private Point2D screenOf(int node) {
        Viewport vp = canvas.viewport();
        return canvas.localToScreen(vp.toScreenX(scene.x()[node]), vp.toScreenY(scene.y()[node]));
    }

    private double[] localOf(int node) {
        Viewport vp = canvas.viewport();
        return new double[] {vp.toScreenX(scene.x()[node]), vp.toScreenY(scene.y()[node])};
    }

    @Test
    void firstSceneIsFittedSoEveryNodeIsInView() {
        for (int node = 0; node < scene.nodeCount(); node++) {
            double[] p = localOf(node);
            assertTrue(p[0] > 0 && p[0] < 800 && p[1] > 0 && p[1] < 600, "node " + node + " at " + p[0] + "," + p[1]);
        }
    }

    @Test
    void nodeAtHitsNodesAfterFitAndAfterZoomingIn(FxRobot robot) {
        var hits = new ArrayList<Integer>();
        robot.interact(() -> {
            double[] p = localOf(13);
            hits.add(canvas.nodeAt(p[0], p[1]));
            canvas.zoomBy(3, 400, 300);
            p = localOf(20);
            hits.add(canvas.nodeAt(p[0], p[1]));
            hits.add(canvas.nodeAt(p[0] + (Scenes.LAYER_GAP / 2) * canvas.getZoom(), p[1]));
        });
        assertEquals(List.of(13, 20, -1), hits);
    }

    @Test
    void clickingANodeReportsItsIndexAndADoubleClickReportsTwoClicks(FxRobot robot) {
        var clicks = new ArrayList<String>();
        robot.interact(
                () -> canvas.setOnNodeClicked((node, shift, count) -> clicks.add(node + "/" + shift + "/" + count)));
        robot.clickOn(screenOf(9), MouseButton.PRIMARY);
        robot.sleep(600); // beyond the double-click interval
        robot.doubleClickOn(screenOf(17), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("9/false/1", "17/false/1", "17/false/2"), clicks);
    }

    @Test
    void clickingTheBackgroundCallsTheBackgroundHandler(FxRobot robot) {
        var clicks = new ArrayList<String>();
        robot.interact(() -> canvas.setOnBackgroundClicked(() -> clicks.add("background")));
        Point2D between = screenOf(0).midpoint(screenOf(8)); // halfway between columns 0 and 1
        robot.clickOn(between, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("background"), clicks);
    }

    @Test
    void shiftDragDrawsALassoThatReportsTheNodesInside(FxRobot robot) {
        var lassoed = new ArrayList<String>();
        robot.interact(
                () -> canvas.setOnLasso((nodes, remove) -> lassoed.add(java.util.Arrays.toString(nodes) + remove)));
        // a quadrilateral around the first two rows of columns 1 and 2 (nodes 8, 9, 16, 17)
        Point2D a = screenOf(8), d = screenOf(17);
        double dx = 30, dy = 12;
        robot.press(KeyCode.SHIFT);
        robot.moveTo(new Point2D(a.getX() - dx, a.getY() - dy)).press(MouseButton.PRIMARY);
        robot.moveTo(new Point2D(d.getX() + dx, a.getY() - dy));
        robot.moveTo(new Point2D(d.getX() + dx, d.getY() + dy));
        robot.moveTo(new Point2D(a.getX() - dx, d.getY() + dy));
        robot.release(MouseButton.PRIMARY);
        robot.release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("[8, 9, 16, 17]false"), lassoed);
    }

    @Test
    void shiftAltDragLassoesNodesOut(FxRobot robot) {
        var lassoed = new ArrayList<String>();
        robot.interact(
                () -> canvas.setOnLasso((nodes, remove) -> lassoed.add(java.util.Arrays.toString(nodes) + remove)));
        Point2D a = screenOf(8), d = screenOf(17);
        double dx = 30, dy = 12;
        robot.press(KeyCode.SHIFT, KeyCode.ALT);
        robot.moveTo(new Point2D(a.getX() - dx, a.getY() - dy)).press(MouseButton.PRIMARY);
        robot.moveTo(new Point2D(d.getX() + dx, a.getY() - dy));
        robot.moveTo(new Point2D(d.getX() + dx, d.getY() + dy));
        robot.moveTo(new Point2D(a.getX() - dx, d.getY() + dy));
        robot.release(MouseButton.PRIMARY);
        robot.release(KeyCode.ALT, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("[8, 9, 16, 17]true"), lassoed);
    }

    @Test
    void wheelZoomKeepsTheWorldPointUnderTheCursorInPlace(FxRobot robot) {
        double[] before = new double[3], after = new double[3];
        robot.interact(() -> {
            Viewport vp = canvas.viewport();
            before[0] = vp.toWorldX(250);
            before[1] = vp.toWorldY(180);
            before[2] = canvas.getZoom();
            Event.fireEvent(canvas, scroll(250, 180, 40));
            after[0] = vp.toWorldX(250);
            after[1] = vp.toWorldY(180);
            after[2] = canvas.getZoom();
        });
        assertEquals(before[0], after[0], 1e-6);
        assertEquals(before[1], after[1], 1e-6);
        assertEquals(before[2] * Math.exp(40 * 0.0046), after[2], 1e-9);
    }

    private ScrollEvent scroll(double x, double y, double deltaY) {
        Point2D screen = canvas.localToScreen(x, y);
        return new ScrollEvent(
                ScrollEvent.SCROLL,
                x,
                y,
                screen.getX(),
                screen.getY(),
                false,
                false,
                false,
                false,
                false,
                false,
                0,
                deltaY,
                0,
                deltaY,
                ScrollEvent.HorizontalTextScrollUnits.NONE,
                0,
                ScrollEvent.VerticalTextScrollUnits.NONE,
                0,
                0,
                null);
    }

    @Test
    void centerOnPutsTheNodeInTheMiddleAtAReadableZoom(FxRobot robot) {
        robot.interact(() -> {
            canvas.zoomBy(0.2, 0, 0);
            canvas.centerOn(42);
        });
        assertArrayEquals(new double[] {400, 300}, localOf(42), 1e-6);
        assertTrue(canvas.getZoom() * Scenes.NODE_HEIGHT >= Detail.READABLE_PX - 1e-9);
    }

    @Test
    void fitKeyBringsTheWholeWorldBackIntoView(FxRobot robot) {
        robot.interact(() -> canvas.centerOn(47));
        robot.clickOn(screenOf(47)).type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        firstSceneIsFittedSoEveryNodeIsInView();
    }

    @Test
    void setLookPaintsANodeInItsStatusColour(FxRobot robot) {
        var statuses = new NodeStatus[scene.nodeCount()];
        java.util.Arrays.fill(statuses, NodeStatus.NOT_RUN);
        statuses[10] = NodeStatus.ERROR;
        var look = new NodeLook(
                statuses, new String[scene.nodeCount()], new BitSet(), new BitSet(), false, new BitSet(), -1);
        Color[] seen = new Color[1];
        robot.interact(() -> {
            canvas.setLook(look);
            canvas.paintNow();
            double[] p = localOf(10);
            double statusBar = p[0] - Scenes.NODE_WIDTH * canvas.getZoom() / 2 + 1.5;
            seen[0] = canvas.snapshot(null, null).getPixelReader().getColor((int) statusBar, (int) p[1]);
        });
        assertEquals(StatusGlyphs.color(NodeStatus.ERROR), seen[0]);
    }

    @Test
    void farOutANodeIsAShapeInItsStatusColour(FxRobot robot) {
        var statuses = new NodeStatus[scene.nodeCount()];
        java.util.Arrays.fill(statuses, NodeStatus.SUCCESS);
        var look = new NodeLook(
                statuses, new String[scene.nodeCount()], new BitSet(), new BitSet(), false, new BitSet(), -1);
        Color[] seen = new Color[1];
        robot.interact(() -> {
            canvas.setLook(look);
            canvas.zoomBy(0.12, 400, 300);
            canvas.paintNow();
            double[] p = localOf(30);
            seen[0] = canvas.snapshot(null, null).getPixelReader().getColor((int) p[0], (int) p[1]);
        });
        assertEquals(Detail.SHAPES, Detail.at(canvas.getZoom(), Scenes.NODE_HEIGHT));
        assertEquals(StatusGlyphs.color(NodeStatus.SUCCESS), seen[0]);
    }

    @Test
    void farOutAStatusChangeRestampsOnlyTheChangedDot(FxRobot robot) {
        NodeLook before = NodeLook.uniform(scene.nodeCount(), NodeStatus.SUCCESS);
        NodeStatus[] statuses = before.status().clone();
        statuses[30] = NodeStatus.ERROR;
        var after = new NodeLook(
                statuses, new String[scene.nodeCount()], new BitSet(), new BitSet(), false, new BitSet(), -1);
        int[] restamps = new int[4];
        Color[] seen = new Color[1];
        robot.interact(() -> {
            canvas.setLook(before);
            canvas.zoomBy(0.12, 400, 300);
            canvas.paintNow();
            restamps[0] = canvas.dotLayer().fullRestamps();
            restamps[1] = canvas.dotLayer().restamps();
            canvas.setLook(after);
            canvas.paintNow();
            restamps[2] = canvas.dotLayer().fullRestamps();
            restamps[3] = canvas.dotLayer().restamps();
            double[] p = localOf(30);
            seen[0] = canvas.snapshot(null, null).getPixelReader().getColor((int) p[0], (int) p[1]);
        });
        assertEquals(List.of(restamps[0], restamps[1] + 1), List.of(restamps[2], restamps[3]));
        assertEquals(StatusGlyphs.color(NodeStatus.ERROR), seen[0]);
    }

    @Test
    void runningNodesPulseWhileAnyRunsAndStopAfterwards(FxRobot robot) throws Exception {
        NodeLook idle = NodeLook.uniform(scene.nodeCount(), NodeStatus.SUCCESS);
        NodeStatus[] statuses = idle.status().clone();
        statuses[7] = NodeStatus.RUNNING;
        var running = new NodeLook(
                statuses, new String[scene.nodeCount()], new BitSet(), new BitSet(), false, new BitSet(), -1);
        List<Boolean> pulsing = new ArrayList<>();
        robot.interact(() -> {
            canvas.setLook(idle);
            pulsing.add(canvas.pulsing());
            canvas.setLook(running);
            pulsing.add(canvas.pulsing());
        });
        long startFrames = frames(robot);
        // the ring moves 20 steps a second while the node runs
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> frames(robot) >= startFrames + 3);
        robot.interact(() -> {
            canvas.setLook(idle);
            pulsing.add(canvas.pulsing());
        });
        long stopped = frames(robot);
        Thread.sleep(300);
        assertEquals(
                List.of(false, true, false, stopped),
                List.of(pulsing.get(0), pulsing.get(1), pulsing.get(2), frames(robot)));
    }

    @Test
    void eachRunningNodeInViewHasARingAroundItAndNoneAfterwards(FxRobot robot) {
        NodeLook idle = NodeLook.uniform(scene.nodeCount(), NodeStatus.SUCCESS);
        NodeStatus[] statuses = idle.status().clone();
        statuses[7] = NodeStatus.RUNNING;
        statuses[30] = NodeStatus.RUNNING;
        var running = new NodeLook(
                statuses, new String[scene.nodeCount()], new BitSet(), new BitSet(), false, new BitSet(), -1);
        List<double[]> centres = new ArrayList<>();
        List<double[]> nodes = new ArrayList<>();
        int[] after = new int[1];
        boolean[] overlayShown = new boolean[1];
        robot.interact(() -> {
            canvas.setLook(running);
            canvas.paintNow();
            for (var ring : canvas.ripples()) {
                centres.add(new double[] {ring.getX() + ring.getWidth() / 2, ring.getY() + ring.getHeight() / 2});
            }
            nodes.add(localOf(7));
            nodes.add(localOf(30));
            // the rings are shapes of their own: the full-size overlay stays empty and out of the frame
            overlayShown[0] = canvas.getChildrenUnmodifiable().getLast().isVisible();
            canvas.setLook(idle);
            canvas.paintNow();
            after[0] = canvas.ripples().size();
        });
        assertEquals(2, centres.size());
        for (int k = 0; k < 2; k++) {
            // centred on the node (on its pixel's centre when it is drawn as a dot)
            assertEquals(nodes.get(k)[0], centres.get(k)[0], 0.5);
            assertEquals(nodes.get(k)[1], centres.get(k)[1], 0.5);
        }
        assertFalse(overlayShown[0]);
        assertEquals(0, after[0]);
    }

    @Test
    void atMostMaxRingsRipplesAreShownHoweverManyNodesRun(FxRobot robot) {
        CanvasScene large = Scenes.grid(20, 20);
        int[] shown = new int[1];
        robot.interact(() -> {
            canvas.setScene(large, NodeLook.uniform(large.nodeCount(), NodeStatus.RUNNING));
            canvas.fit();
            canvas.paintNow();
            shown[0] = canvas.ripples().size();
        });
        assertTrue(large.nodeCount() > RunningPulse.MAX_RINGS);
        assertEquals(RunningPulse.MAX_RINGS, shown[0]);
    }

    private long frames(FxRobot robot) {
        long[] frames = new long[1];
        robot.interact(() -> frames[0] = canvas.pulseFrames());
        return frames[0];
    }

    @Test
    void aSharpEdgeRasterReplacesTheScaledOneAfterAZoomStep(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sharp(robot));
        boolean[] sharpRightAfterZoom = new boolean[1];
        robot.interact(() -> {
            canvas.zoomBy(1.5, 300, 200);
            canvas.paintNow();
            sharpRightAfterZoom[0] = canvas.edgesSharp();
        });
        assertFalse(sharpRightAfterZoom[0]);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sharp(robot));
    }

    private boolean sharp(FxRobot robot) {
        boolean[] sharp = new boolean[1];
        robot.interact(() -> sharp[0] = canvas.edgesSharp());
        return sharp[0];
    }

    @Test
    void pressingTheMinimapCentresTheCanvasThere(FxRobot robot) {
        double[][] target = new double[1][];
        Point2D press = minimap.localToScreen(60, 40);
        robot.interact(() -> target[0] = minimap.worldAt(60, 40));
        robot.clickOn(press);
        WaitForAsyncUtils.waitForFxEvents();
        double[] centre = new double[2];
        robot.interact(() -> {
            centre[0] = canvas.viewport().toWorldX(400);
            centre[1] = canvas.viewport().toWorldY(300);
        });
        assertArrayEquals(target[0], centre, 1e-6);
    }
}
