// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GlyphShapeTest {

    @Test
    void everyStatusHasItsOwnShape() {
        assertEquals(
                NodeStatus.values().length,
                Arrays.stream(NodeStatus.values())
                        .map(NodeStatus::shape)
                        .distinct()
                        .count());
    }

    @Test
    void everyShapeHasADistinctMaskAtNinePixels() {
        var masks = Arrays.stream(GlyphShape.values())
                .map(shape -> Arrays.toString(shape.mask(9)))
                .collect(Collectors.toSet());
        assertEquals(GlyphShape.values().length, masks.size());
    }

    @Test
    void ringIsHollowAndCircleIsFilled() {
        assertEquals("false true", GlyphShape.RING.contains(0, 0) + " " + GlyphShape.CIRCLE.contains(0, 0));
    }
}
