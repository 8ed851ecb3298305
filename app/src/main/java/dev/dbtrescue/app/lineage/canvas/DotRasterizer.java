// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import java.util.Arrays;

/**
 * Draws nodes as small status shapes into a premultiplied ARGB buffer: the far-zoom level of detail and the
 * minimap. Cheaper than Canvas calls by an order of magnitude on the software pipeline (a few ms for 15,000 nodes),
 * which keeps panning over the whole project smooth. Pure Java; confined to one thread.
 */
final class DotRasterizer {

    static final int MAX_DIAMETER = 15;
    private static final int OUTLINE = 0xFF1A1A1A;
    /** Premultiplied amber at 63 % opacity. */
    private static final int HALO = 0xA0967800;

    private final int width;
    private final int height;
    private final int[] pixels;
    private final boolean[][][] masks = new boolean[GlyphShape.values().length][MAX_DIAMETER + 7][];

    DotRasterizer(int width, int height) {
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
    }

    int[] pixels() {
        return pixels;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Clears the rectangle {@code [x0, x1) x [y0, y1)} only. */
    void clear(int x0, int y0, int x1, int y1) {
        for (int y = y0; y < y1; y++) {
            Arrays.fill(pixels, y * width + x0, y * width + x1, 0);
        }
    }

    /**
     * Draws the nodes of {@code index} that fall in this buffer, for the world window starting at {@code (originX,
     * originY)} at {@code scale}, with shapes {@code diameter} pixels wide.
     */
    void draw(SceneIndex index, NodeLook look, double originX, double originY, double scale, int diameter) {
        int d = Math.clamp(diameter, 2, MAX_DIAMETER);
        double margin = (d + 6) / scale;
        CanvasScene scene = index.scene;
        index.grid.forEachIn(
                originX - margin,
                originY - margin,
                originX + width / scale + margin,
                originY + height / scale + margin,
                node -> {
                    int cx = (int) Math.floor((scene.x()[node] - originX) * scale);
                    int cy = (int) Math.floor((scene.y()[node] - originY) * scale);
                    drawNode(look, node, cx, cy, d);
                });
    }

    private void drawNode(NodeLook look, int node, int cx, int cy, int d) {
        NodeStatus status = look.statusOf(node);
        boolean dim = look.dimmed(node);
        if (look.highlighted().get(node)) {
            stamp(GlyphShape.CIRCLE, d + 6, cx, cy, HALO);
        }
        if (look.selected().get(node)) {
            stamp(GlyphShape.SQUARE, d + 3, cx, cy, OUTLINE);
        }
        stamp(status.shape(), d, cx, cy, dim ? faded(status.argb()) : status.argb());
        if (look.boundary().get(node)) {
            int x = cx - (d + 3) / 2 - 2;
            for (int y = cy - d / 2 - 1; y <= cy + d / 2 + 1; y++) {
                blend(x, y, OUTLINE);
                blend(x - 1, y, OUTLINE);
            }
        }
    }

    /** Premultiplied {@code argb} at a quarter opacity. */
    static int faded(int argb) {
        int a = 64;
        return a << 24
                | (((argb >> 16) & 0xFF) * a / 255) << 16
                | (((argb >> 8) & 0xFF) * a / 255) << 8
                | ((argb & 0xFF) * a / 255);
    }

    private void stamp(GlyphShape shape, int size, int cx, int cy, int argbPre) {
        boolean[] mask = mask(shape, size);
        int x0 = cx - size / 2, y0 = cy - size / 2;
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                if (mask[row * size + col]) {
                    blend(x0 + col, y0 + row, argbPre);
                }
            }
        }
    }

    private boolean[] mask(GlyphShape shape, int size) {
        boolean[][] bySize = masks[shape.ordinal()];
        if (size >= bySize.length) {
            return shape.mask(size);
        }
        if (bySize[size] == null) {
            bySize[size] = shape.mask(size);
        }
        return bySize[size];
    }

    private void blend(int x, int y, int src) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int i = y * width + x;
        int sa = src >>> 24;
        if (sa == 255) {
            pixels[i] = src;
            return;
        }
        int dst = pixels[i], inv = 255 - sa;
        int a = sa + ((dst >>> 24) * inv) / 255;
        int r = ((src >> 16) & 0xFF) + (((dst >> 16) & 0xFF) * inv) / 255;
        int g = ((src >> 8) & 0xFF) + (((dst >> 8) & 0xFF) * inv) / 255;
        int b = (src & 0xFF) + ((dst & 0xFF) * inv) / 255;
        pixels[i] = a << 24 | r << 16 | g << 8 | b;
    }
}
