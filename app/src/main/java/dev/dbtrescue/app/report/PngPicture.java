// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws an {@link IncidentPicture} into a PNG with Java2D (works without a display, so the {@code report} command
 * can run on a server). The same geometry, colours and glyphs as {@link SvgPicture}: both are painted by
 * {@link PictureCanvas#paint}.
 */
public final class PngPicture implements PictureCanvas {

    /** The largest image drawn in one piece; larger ones are drawn and encoded strip by strip. */
    static final long ONE_PIECE_PIXELS = 16_000_000L;
    /** The largest image written, in pixels (PNG and Java2D limit one side to 2^31 - 1; this keeps files sane). */
    public static final long MAX_PIXELS = 2_000_000_000L;
    /** Rows of a strip when drawing strip by strip. */
    static final int STRIP_ROWS = 512;

    private final Graphics2D g;

    private PngPicture(Graphics2D g) {
        this.g = g;
    }

    /**
     * Writes the picture at {@code scale} pixels per point.
     *
     * @throws IllegalArgumentException if the scale is not in {@code (0, 8]} or the image would exceed
     *     {@link #MAX_PIXELS}, with what to do instead
     * @throws IOException if the file cannot be written (its folder must exist)
     */
    public static void write(IncidentPicture picture, double scale, Path file) throws IOException {
        long[] size = size(picture, scale);
        RenderedImage image = size[0] * size[1] <= ONE_PIECE_PIXELS
                ? draw(picture, scale)
                : new StripImage(picture, scale, (int) size[0], (int) size[1]);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer is available in this Java runtime");
        }
    }

    /** The picture drawn at {@code scale} pixels per point, in one piece. */
    static BufferedImage draw(IncidentPicture picture, double scale) {
        long[] size = size(picture, scale);
        return drawRows(picture, scale, (int) size[0], 0, (int) size[1]);
    }

    /** Width and height in pixels, checked. */
    private static long[] size(IncidentPicture picture, double scale) {
        if (!(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("--png-scale must be more than 0 and at most 8, was " + scale);
        }
        long w = (long) Math.ceil(picture.width() * scale);
        long h = (long) Math.ceil(picture.height() * scale);
        if (w * h > MAX_PIXELS || w > 1_000_000 || h > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("a " + w + " x " + h + " pixel PNG of "
                    + picture.boxes().size()
                    + " nodes is over the " + MAX_PIXELS / 1_000_000 + " megapixel limit: lower --png-scale, narrow"
                    + " the selection with --select, or export --svg, which has no size limit");
        }
        return new long[] {w, h};
    }

    /** Rows {@code top .. top+rows-1} of the picture drawn at {@code scale}. */
    static BufferedImage drawRows(IncidentPicture picture, double scale, int width, int top, int rows) {
        var image = new BufferedImage(width, rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, rows);
            g.translate(0, -top);
            g.scale(scale, scale);
            PictureCanvas.paint(picture, new PngPicture(g));
        } finally {
            g.dispose();
        }
        return image;
    }

    @Override
    public void beginPart(String part) {}

    @Override
    public void endPart() {}

    @Override
    public void beginNode(IncidentPicture.Box box) {}

    @Override
    public void endNode() {}

    @Override
    public void text(double x, double y, int size, boolean bold, int rgb, String text) {
        g.setFont(font(size, bold));
        g.setColor(new Color(rgb));
        g.drawString(text, (float) x, (float) y);
    }

    @Override
    public double textWidth(String text, int size) {
        return g.getFontMetrics(font(size, false)).stringWidth(text);
    }

    @Override
    public void curves(double x, double y, double[] cubics) {
        var path = new Path2D.Double();
        path.moveTo(x, y);
        for (int c = 0; c < cubics.length; c += 6) {
            path.curveTo(cubics[c], cubics[c + 1], cubics[c + 2], cubics[c + 3], cubics[c + 4], cubics[c + 5]);
        }
        g.setColor(new Color(0x8a8a8a));
        g.setStroke(new BasicStroke(1.2f));
        g.draw(path);
    }

    @Override
    public void box(double x, double y, double w, double h, double radius, int rgb, double fillOpacity, double stroke) {
        var rect = new RoundRectangle2D.Double(x, y, w, h, 2 * radius, 2 * radius);
        g.setColor(new Color((int) Math.round(fillOpacity * 255) << 24 | rgb, true));
        g.fill(rect);
        g.setColor(new Color(rgb));
        g.setStroke(new BasicStroke((float) stroke));
        g.draw(rect);
    }

    @Override
    public void disc(double cx, double cy, double r, int rgb) {
        g.setColor(new Color(rgb));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    @Override
    public void ring(double cx, double cy, double r, double stroke, int rgb) {
        g.setColor(new Color(rgb));
        g.setStroke(new BasicStroke((float) stroke));
        g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    @Override
    public void polygon(double[] points, int rgb) {
        var polygon = new Path2D.Double();
        polygon.moveTo(points[0], points[1]);
        for (int k = 2; k < points.length; k += 2) {
            polygon.lineTo(points[k], points[k + 1]);
        }
        polygon.closePath();
        g.setColor(new Color(rgb));
        g.fill(polygon);
    }

    private static Font font(int size, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size);
    }
}
