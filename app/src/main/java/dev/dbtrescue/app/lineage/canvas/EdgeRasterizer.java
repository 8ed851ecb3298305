// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

/**
 * Draws anti-aliased lines (Xiaolin Wu) of one colour into a coverage buffer and turns it into premultiplied ARGB
 * pixels. Overlapping lines blend like stacked translucent strokes: {@code a' = a + (1 - a) * c}. Pure Java, no
 * JavaFX, so it runs on any thread; one instance is confined to one thread.
 */
final class EdgeRasterizer {

    private final int width;
    private final int height;
    private final int[] pixels;

    EdgeRasterizer(int width, int height) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
    }

    /** Coverage (0..255) at a pixel, before {@link #toArgbPre}. */
    int coverage(int px, int py) {
        return pixels[py * width + px];
    }

    /** Adds a line of opacity {@code alpha} (0..255) between pixel-space points; parts outside are clipped. */
    void line(double x0, double y0, double x1, double y1, int alpha) {
        // Liang-Barsky clip to the buffer plus one pixel of anti-aliasing fringe
        double dx = x1 - x0, dy = y1 - y0;
        double[] t = {0, 1};
        if (!clip(-dx, x0 + 1, t) || !clip(dx, width - x0, t) || !clip(-dy, y0 + 1, t) || !clip(dy, height - y0, t)) {
            return;
        }
        double ax = x0 + t[0] * dx, ay = y0 + t[0] * dy, bx = x0 + t[1] * dx, by = y0 + t[1] * dy;
        if (Math.abs(by - ay) > Math.abs(bx - ax)) {
            wu(ay, ax, by, bx, alpha, true);
        } else {
            wu(ax, ay, bx, by, alpha, false);
        }
    }

    private static boolean clip(double p, double q, double[] t) {
        if (p == 0) {
            return q >= 0;
        }
        double r = q / p;
        if (p < 0) {
            if (r > t[1]) {
                return false;
            }
            t[0] = Math.max(t[0], r);
        } else {
            if (r < t[0]) {
                return false;
            }
            t[1] = Math.min(t[1], r);
        }
        return true;
    }

    /** Wu along the major axis {@code u}; {@code steep} swaps (u, v) back to (y, x). */
    private void wu(double u0, double v0, double u1, double v1, int alpha, boolean steep) {
        if (u1 < u0) {
            double s = u0;
            u0 = u1;
            u1 = s;
            s = v0;
            v0 = v1;
            v1 = s;
        }
        double gradient = u1 - u0 < 1e-9 ? 0 : (v1 - v0) / (u1 - u0);
        int start = (int) Math.round(u0), end = (int) Math.round(u1);
        double v = v0 + gradient * (start - u0);
        for (int u = start; u <= end; u++) {
            int base = (int) Math.floor(v);
            double frac = v - base;
            plot(u, base, (int) (alpha * (1 - frac)), steep);
            plot(u, base + 1, (int) (alpha * frac), steep);
            v += gradient;
        }
    }

    private void plot(int u, int v, int c, boolean steep) {
        int px = steep ? v : u, py = steep ? u : v;
        if (c <= 0 || px < 0 || py < 0 || px >= width || py >= height) {
            return;
        }
        int i = py * width + px;
        int a = pixels[i];
        pixels[i] = a + ((255 - a) * c + 127) / 255;
    }

    /**
     * Converts the coverage in place to premultiplied ARGB of colour {@code rgb} and returns the buffer; the
     * rasteriser must not be drawn into afterwards.
     */
    int[] toArgbPre(int rgb) {
        var table = new int[256];
        int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
        for (int a = 1; a < 256; a++) {
            table[a] = a << 24 | (r * a / 255) << 16 | (g * a / 255) << 8 | (b * a / 255);
        }
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = table[pixels[i]];
        }
        return pixels;
    }
}
