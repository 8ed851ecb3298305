// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpatialGridTest {

    private final CanvasScene scene = Scenes.grid(3, 4); // node c*4+r at (160 + 260c, 32 + 56r), 160x32

    @Test
    void nodeAtFindsTheBoxUnderAPointAndNothingBetweenBoxes() {
        var grid = new SpatialGrid(scene);
        assertEquals(
                List.of(0, 5, 11, -1, -1),
                List.of(
                        grid.nodeAt(160, 32),
                        grid.nodeAt(420 + 79, 88 - 15),
                        grid.nodeAt(680, 200),
                        grid.nodeAt(290, 32),
                        grid.nodeAt(160, 60)));
    }

    @Test
    void rectangleQueryVisitsEachIntersectingNodeOnce() {
        var grid = new SpatialGrid(scene);
        var seen = new ArrayList<Integer>();
        grid.forEachIn(150, 0, 430, 90, seen::add);
        seen.sort(null);
        assertEquals(List.of(0, 1, 4, 5), seen);
    }

    @Test
    void polygonSelectsNodesWhoseCentresLieInside() {
        var grid = new SpatialGrid(scene);
        // a triangle around nodes 0, 1 and 4 (centres (160,32), (160,88), (420,32))
        assertArrayEquals(new int[] {0, 1, 4}, grid.centresInside(new double[] {100, 0, 600, 0, 100, 130}));
    }
}
