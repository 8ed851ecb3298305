// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EdgeRasterizerTest {

    @Test
    void horizontalLineCoversExactlyItsRowOfPixels() {
        var raster = new EdgeRasterizer(10, 5);
        raster.line(1, 2, 8, 2, 200);
        int[] row2 = IntStream.range(0, 10).map(x -> raster.coverage(x, 2)).toArray();
        assertArrayEquals(new int[] {0, 200, 200, 200, 200, 200, 200, 200, 200, 0}, row2);
        assertEquals(
                0,
                IntStream.range(0, 10)
                        .map(x -> raster.coverage(x, 1) + raster.coverage(x, 3))
                        .sum());
    }

    @Test
    void diagonalLineSpreadsCoverageOverTwoPixelsPerColumn() {
        var raster = new EdgeRasterizer(10, 10);
        raster.line(0, 0.5, 9, 5, 255);
        for (int x = 0; x < 10; x++) {
            int col = x;
            int sum = IntStream.range(0, 10).map(y -> raster.coverage(col, y)).sum();
            assertTrue(sum >= 250 && sum <= 256, "column " + x + " coverage " + sum);
        }
    }

    @Test
    void lineLeavingTheBufferIsClippedToIt() {
        var raster = new EdgeRasterizer(4, 4);
        raster.line(-1000, 1, 1000, 1, 255);
        raster.line(2, -50, 2, 1e9, 255);
        int[] row1 = IntStream.range(0, 4).map(x -> raster.coverage(x, 1)).toArray();
        int[] col2 = IntStream.range(0, 4).map(y -> raster.coverage(2, y)).toArray();
        assertArrayEquals(new int[] {255, 255, 255, 255}, row1);
        assertArrayEquals(new int[] {255, 255, 255, 255}, col2);
    }

    @Test
    void lineEntirelyOutsideTheBufferDrawsNothing() {
        var raster = new EdgeRasterizer(4, 4);
        raster.line(-10, -10, -5, 20, 255);
        raster.line(10, 10, 20, 20, 255);
        assertArrayEquals(new int[16], raster.toArgbPre(0xFFFFFF));
    }

    @Test
    void overlappingLinesBlendLikeStackedTranslucentStrokes() {
        var raster = new EdgeRasterizer(3, 1);
        raster.line(0, 0, 2, 0, 128);
        raster.line(0, 0, 2, 0, 128);
        assertEquals(128 + (127 * 128 + 127) / 255, raster.coverage(1, 0));
    }

    @Test
    void coverageBecomesPremultipliedColour() {
        var raster = new EdgeRasterizer(2, 1);
        raster.line(0, 0, 0, 0, 255);
        assertArrayEquals(new int[] {0xFF5A6270, 0}, raster.toArgbPre(0x5A6270));
    }
}
