// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.report;

import java.util.Locale;

/**
 * Writes an {@link IncidentPicture} as a standalone SVG document: vector, selectable text, each node a group carrying
 * its {@code unique_id} and status (so the file can be searched and checked), a tooltip per node, and the legend.
 */
public final class SvgPicture implements PictureCanvas {

    /** SVG cannot measure text: the average advance of the sans-serif fonts used, per point of font size. */
    private static final double ADVANCE = 0.62;

    private final StringBuilder svg;

    private SvgPicture(int nodes) {
        svg = new StringBuilder(4096 + nodes * 400);
    }

    /** The SVG document. */
    public static String write(IncidentPicture picture) {
        var out = new SvgPicture(picture.boxes().size());
        String w = num(picture.width());
        String h = num(picture.height());
        out.svg
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + w + "\" height=\"" + h
                        + "\" viewBox=\"0 0 " + w + " " + h + "\""
                        + " font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n")
                .append("<title>" + xml(picture.title()) + "</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        PictureCanvas.paint(picture, out);
        return out.svg.append("</svg>\n").toString();
    }

    @Override
    public void beginPart(String part) {
        svg.append("<g class=\"").append(part).append("\">\n");
    }

    @Override
    public void endPart() {
        svg.append("</g>\n");
    }

    @Override
    public void beginNode(IncidentPicture.Box box) {
        svg.append("<g class=\"node\" data-unique-id=\"" + xml(box.id().value()) + "\" data-status=\""
                + box.status().name().toLowerCase(Locale.ROOT) + "\">\n<title>"
                + xml(box.id().value() + " — " + box.status().label()) + "</title>\n");
    }

    @Override
    public void endNode() {
        svg.append("</g>\n");
    }

    @Override
    public void text(double x, double y, int size, boolean bold, int rgb, String text) {
        svg.append("<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + size + "\""
                + (bold ? " font-weight=\"bold\"" : "") + " fill=\"" + colour(rgb) + "\">" + xml(text)
                + "</text>\n");
    }

    @Override
    public double textWidth(String text, int size) {
        return text.length() * size * ADVANCE;
    }

    @Override
    public void curves(double x, double y, double[] cubics) {
        svg.append("<path d=\"M").append(num(x)).append(' ').append(num(y));
        for (int c = 0; c < cubics.length; c += 6) {
            svg.append(" C");
            for (int k = 0; k < 6; k++) {
                svg.append(k == 0 ? "" : " ").append(num(cubics[c + k]));
            }
        }
        svg.append("\" fill=\"none\" stroke=\"#8a8a8a\" stroke-width=\"1.2\"/>\n");
    }

    @Override
    public void box(double x, double y, double w, double h, double radius, int rgb, double fillOpacity, double stroke) {
        String c = colour(rgb);
        svg.append("<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h)
                + "\" rx=\"" + num(radius) + "\" fill=\"" + c + "\" fill-opacity=\"" + num(fillOpacity)
                + "\" stroke=\"" + c + "\" stroke-width=\"" + num(stroke) + "\"/>\n");
    }

    @Override
    public void disc(double cx, double cy, double r, int rgb) {
        svg.append("<circle class=\"glyph\" cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" fill=\""
                + colour(rgb) + "\"/>\n");
    }

    @Override
    public void ring(double cx, double cy, double r, double stroke, int rgb) {
        svg.append("<circle class=\"glyph\" cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r)
                + "\" fill=\"none\" stroke=\"" + colour(rgb) + "\" stroke-width=\"" + num(stroke) + "\"/>\n");
    }

    @Override
    public void polygon(double[] points, int rgb) {
        svg.append("<polygon class=\"glyph\" points=\"");
        for (int k = 0; k < points.length; k += 2) {
            svg.append(k == 0 ? "" : " ").append(num(points[k])).append(',').append(num(points[k + 1]));
        }
        svg.append("\" fill=\"").append(colour(rgb)).append("\"/>\n");
    }

    private static String colour(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }

    /** A coordinate to a tenth of a point, without a trailing {@code .0}. */
    static String num(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
    }

    /** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
    static String xml(String s) {
        var out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
