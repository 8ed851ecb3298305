// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.report;

import dev.dbtrescue.app.lineage.canvas.GlyphShape;
import dev.dbtrescue.app.lineage.canvas.NodeStatus;
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
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws an {@link IncidentPicture} into a PNG with Java2D (works without a display, so the {@code report} command
 * can run on a server). The same geometry, colours and glyphs as {@link SvgPicture}.
 */
public final class PngPicture {

    /** The largest image drawn in one piece; larger ones are drawn and encoded strip by strip. */
    static final long ONE_PIECE_PIXELS = 16_000_000L;
    /** The largest image written, in pixels (PNG and Java2D limit one side to 2^31 - 1; this keeps files sane). */
    public static final long MAX_PIXELS = 2_000_000_000L;
    /** Rows of a strip when drawing strip by strip. */
    static final int STRIP_ROWS = 512;

    private PngPicture() {}

    /**
     * Writes the picture at {@code scale} pixels per point.
     *
     * @throws IllegalArgumentException if the scale is not in {@code (0, 8]} or the image would exceed
     *     {@link #MAX_PIXELS}, with what to do instead
     * @throws IOException if the file cannot be written
     */
    public static void write(IncidentPicture picture, double scale, Path file) throws IOException {
        long[] size = size(picture, scale);
        RenderedImage image = size[0] * size[1] <= ONE_PIECE_PIXELS
                ? draw(picture, scale)
                : new StripImage(picture, scale, (int) size[0], (int) size[1]);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
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
            paint(g, picture);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void paint(Graphics2D g, IncidentPicture picture) {
        double y = IncidentPicture.MARGIN + 14;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(new Color(0x111111));
        g.drawString(picture.title(), (float) IncidentPicture.MARGIN, (float) y);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(0x444444));
        for (String line : picture.subtitle()) {
            y += IncidentPicture.LINE;
            g.drawString(line, (float) IncidentPicture.MARGIN, (float) y);
        }
        g.setColor(new Color(0x8a8a8a));
        g.setStroke(new BasicStroke(1.2f));
        for (double[] p : picture.lines()) {
            var path = new Path2D.Double();
            path.moveTo(p[0], p[1]);
            for (int k = 2; k < p.length; k += 2) {
                double mid = (p[k - 2] + p[k]) / 2;
                path.curveTo(mid, p[k - 1], mid, p[k + 1], p[k], p[k + 1]);
            }
            g.draw(path);
        }
        Font name = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Font type = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
        for (IncidentPicture.Box box : picture.boxes()) {
            Color colour = new Color(box.status().argb() & 0xFFFFFF);
            var rect = new RoundRectangle2D.Double(box.x(), box.y(), box.w(), box.h(), 12, 12);
            g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 41));
            g.fill(rect);
            g.setColor(colour);
            boolean failed = box.status() == NodeStatus.ERROR || box.status() == NodeStatus.FAIL;
            g.setStroke(new BasicStroke(failed ? 3f : 1.5f));
            g.draw(rect);
            glyph(g, box.status(), box.x() + 14, box.y() + box.h() / 2, 7);
            g.setFont(name);
            g.setColor(new Color(0x111111));
            g.drawString(SvgPicture.shorten(box.label()), (float) (box.x() + 28), (float) (box.y() + 15));
            g.setFont(type);
            g.setColor(new Color(0x555555));
            g.drawString(box.type().dbtName(), (float) (box.x() + 28), (float) (box.y() + 28));
        }
        double x = IncidentPicture.MARGIN;
        double cy = picture.legendTop() + IncidentPicture.LEGEND / 2;
        g.setFont(name);
        for (NodeStatus status : picture.legend()) {
            glyph(g, status, x + 7, cy, 7);
            g.setColor(new Color(0x111111));
            g.drawString(status.label(), (float) (x + 20), (float) (cy + 4));
            x += 34 + g.getFontMetrics().stringWidth(status.label());
        }
    }

    private static void glyph(Graphics2D g, NodeStatus status, double cx, double cy, double r) {
        g.setColor(new Color(status.argb() & 0xFFFFFF));
        GlyphShape shape = status.shape();
        switch (shape) {
            case CIRCLE -> g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
            case RING -> {
                g.setStroke(new BasicStroke((float) (r * 0.44)));
                double ring = r * 0.78;
                g.draw(new Ellipse2D.Double(cx - ring, cy - ring, 2 * ring, 2 * ring));
            }
            default -> {
                double[] unit = shape.polygon();
                var polygon = new Path2D.Double();
                polygon.moveTo(cx + unit[0] * r, cy + unit[1] * r);
                for (int k = 2; k < unit.length; k += 2) {
                    polygon.lineTo(cx + unit[k] * r, cy + unit[k + 1] * r);
                }
                polygon.closePath();
                g.fill(polygon);
            }
        }
    }
}
