// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Restamping only the changed dots leaves exactly the pixels a full restamp leaves, overlaps included. */
class DotRasterizerTest {

    private static final CanvasScene SCENE = Scenes.layered(3_000, 12, 7);
    private static final SceneIndex INDEX = new SceneIndex(SCENE);
    private static final int WIDTH = 220;
    private static final int HEIGHT = 300;

    @ParameterizedTest
    @CsvSource(textBlock = """
            # diameter, seed, changes, flip dimming
            2,  1, 40,   false
            4,  2, 60,   false
            9,  3, 25,   false
            15, 4, 80,   false
            9,  5, 400,  false
            4,  6, 10,   true
            15, 7, 1,    false
            """)
    void restampingChangedDotsGivesTheFullRestampsPixels(int diameter, long seed, int changes, boolean flipDimming) {
        var random = new Random(seed);
        // the world squeezed into a small buffer, and shifted so that some of it falls off every edge
        double scale = 1.15 * HEIGHT / SCENE.worldHeight();
        double originX = -30 / scale, originY = 20 / scale;
        NodeLook before = randomLook(random, random.nextBoolean());
        NodeLook after = changed(before, random, changes, flipDimming);

        var incremental = new DotRasterizer(WIDTH, HEIGHT);
        incremental.draw(INDEX, before, originX, originY, scale, diameter);
        int[] nodes = after.dotsChangedFrom(before).stream().toArray();
        int[] rects = incremental.redraw(INDEX, after, nodes, originX, originY, scale, diameter);
        var full = new DotRasterizer(WIDTH, HEIGHT);
        full.draw(INDEX, after, originX, originY, scale, diameter);

        assertTrue(rects.length > 0, "some changed dot lies in the buffer");
        assertArrayEquals(full.pixels(), incremental.pixels());
    }

    @Test
    void redrawReportsTheFootprintOfEachChangedDotInTheBuffer() {
        int node = 300; // second layer, row 50: clear of its neighbours at this scale
        NodeLook before = NodeLook.uniform(SCENE.nodeCount(), NodeStatus.SUCCESS);
        NodeStatus[] status = before.status().clone();
        status[node] = NodeStatus.RUNNING;
        NodeLook after = new NodeLook(
                status, before.badges(), new BitSet(), new BitSet(), false, new BitSet(), before.focused());
        double scale = 0.2, originY = 2_700;
        var raster = new DotRasterizer(WIDTH, HEIGHT);
        raster.draw(INDEX, before, 0, originY, scale, 9);

        int[] rects = raster.redraw(INDEX, after, new int[] {node}, 0, originY, scale, 9);

        int cx = (int) Math.floor(SCENE.x()[node] * scale);
        int cy = (int) Math.floor((SCENE.y()[node] - originY) * scale);
        int reach = DotRasterizer.reach(9);
        assertArrayEquals(new int[] {cx - reach, cy - reach, cx + reach + 1, cy + reach + 1}, rects);
        assertEquals(NodeStatus.RUNNING.argb(), raster.pixels()[cy * WIDTH + cx]);
    }

    @Test
    void restampingPaysOnlyWhileTheChangesAreFewForTheDensity() {
        // 23,348 nodes: over a 1,500 x 900 canvas a few thousand changes are cheaper one by one, on a 220 x 160 minimap
        // a few dozen
        assertEquals(
                List.of(true, false, true, false),
                List.of(
                        DotRasterizer.cheaperToRedraw(1_000, 23_348, 1_500 * 900, 4),
                        DotRasterizer.cheaperToRedraw(10_000, 23_348, 1_500 * 900, 4),
                        DotRasterizer.cheaperToRedraw(50, 23_348, 220 * 160, 3),
                        DotRasterizer.cheaperToRedraw(500, 23_348, 220 * 160, 3)));
    }

    @Test
    void lookDiffNamesTheNodesWhoseDotChangedAndNoOthers() {
        int n = SCENE.nodeCount();
        NodeLook before = NodeLook.uniform(n, NodeStatus.NOT_RUN);
        NodeStatus[] status = before.status().clone();
        status[3] = NodeStatus.RUNNING;
        var selected = new BitSet();
        selected.set(5);
        var highlighted = new BitSet();
        highlighted.set(8);
        var boundary = new BitSet();
        boundary.set(5);
        NodeLook after = new NodeLook(status, new String[n], selected, boundary, false, highlighted, 12);

        assertEquals(BitSet.valueOf(new long[] {1L << 3 | 1L << 5 | 1L << 8}), after.dotsChangedFrom(before));
    }

    private static NodeLook randomLook(Random random, boolean dim) {
        int n = SCENE.nodeCount();
        NodeStatus[] values = NodeStatus.values();
        var status = new NodeStatus[n];
        var selected = new BitSet();
        var boundary = new BitSet();
        var highlighted = new BitSet();
        for (int i = 0; i < n; i++) {
            status[i] = random.nextInt(20) == 0 ? null : values[random.nextInt(values.length)];
            if (random.nextInt(5) == 0) {
                selected.set(i);
                boundary.set(i, random.nextInt(3) == 0);
            }
            highlighted.set(i, random.nextInt(10) == 0);
        }
        return new NodeLook(status, new String[n], selected, boundary, dim, highlighted, -1);
    }

    private static NodeLook changed(NodeLook look, Random random, int changes, boolean flipDimming) {
        int n = SCENE.nodeCount();
        NodeStatus[] values = NodeStatus.values();
        NodeStatus[] status = look.status().clone();
        var selected = (BitSet) look.selected().clone();
        var boundary = (BitSet) look.boundary().clone();
        var highlighted = (BitSet) look.highlighted().clone();
        for (int k = 0; k < changes; k++) {
            int node = random.nextInt(n);
            switch (random.nextInt(4)) {
                case 0 -> selected.flip(node);
                case 1 -> boundary.flip(node);
                case 2 -> highlighted.flip(node);
                default -> status[node] = values[random.nextInt(values.length)];
            }
        }
        boolean dim = flipDimming != look.dimUnselected();
        return new NodeLook(status, look.badges(), selected, boundary, dim, highlighted, look.focused());
    }
}
