// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.report;

import dev.dbtrescue.app.lineage.canvas.GlyphShape;
import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import java.util.Locale;

/**
 * Writes an {@link IncidentPicture} as a standalone SVG document: vector, selectable text, each node a group carrying
 * its {@code unique_id} and status (so the file can be searched and checked), a tooltip per node, and the legend.
 */
public final class SvgPicture {

    /** Characters of a label that fit a box; longer names end in an ellipsis (the tooltip keeps the whole id). */
    static final int LABEL_CHARS = 26;

    private static final double GLYPH = 7;

    private SvgPicture() {}

    /** The SVG document. */
    public static String write(IncidentPicture picture) {
        var svg = new StringBuilder(4096 + picture.boxes().size() * 400);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
                .append(num(picture.width()))
                .append("\" height=\"")
                .append(num(picture.height()))
                .append("\" viewBox=\"0 0 ")
                .append(num(picture.width()))
                .append(' ')
                .append(num(picture.height()))
                .append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n");
        svg.append("<title>").append(xml(picture.title())).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        double y = IncidentPicture.MARGIN + 14;
        svg.append("<g class=\"header\">\n");
        svg.append(text(IncidentPicture.MARGIN, y, 16, "bold", "#111111", picture.title()));
        for (String line : picture.subtitle()) {
            y += IncidentPicture.LINE;
            svg.append(text(IncidentPicture.MARGIN, y, 12, "normal", "#444444", line));
        }
        svg.append("</g>\n<g class=\"edges\" fill=\"none\" stroke=\"#8a8a8a\" stroke-width=\"1.2\">\n");
        for (double[] line : picture.lines()) {
            svg.append("<path d=\"").append(path(line)).append("\"/>\n");
        }
        svg.append("</g>\n<g class=\"nodes\">\n");
        for (IncidentPicture.Box box : picture.boxes()) {
            node(svg, box);
        }
        svg.append("</g>\n");
        legend(svg, picture);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void node(StringBuilder svg, IncidentPicture.Box box) {
        String colour = colour(box.status());
        svg.append("<g class=\"node\" data-unique-id=\"")
                .append(xml(box.id().value()))
                .append("\" data-status=\"")
                .append(box.status().name().toLowerCase(Locale.ROOT))
                .append("\">\n<title>")
                .append(xml(box.id().value() + " — " + box.status().label()))
                .append("</title>\n<rect x=\"")
                .append(num(box.x()))
                .append("\" y=\"")
                .append(num(box.y()))
                .append("\" width=\"")
                .append(num(box.w()))
                .append("\" height=\"")
                .append(num(box.h()))
                .append("\" rx=\"6\" fill=\"")
                .append(colour)
                .append("\" fill-opacity=\"0.16\" stroke=\"")
                .append(colour)
                .append("\" stroke-width=\"")
                .append(box.status() == NodeStatus.ERROR || box.status() == NodeStatus.FAIL ? "3" : "1.5")
                .append("\"/>\n");
        double cy = box.y() + box.h() / 2;
        glyph(svg, box.status(), box.x() + 14, cy, GLYPH);
        svg.append(text(box.x() + 28, box.y() + 15, 12, "normal", "#111111", shorten(box.label())));
        svg.append(text(
                box.x() + 28, box.y() + 28, 9, "normal", "#555555", box.type().dbtName()));
        svg.append("</g>\n");
    }

    private static void legend(StringBuilder svg, IncidentPicture picture) {
        double x = IncidentPicture.MARGIN;
        double cy = picture.legendTop() + IncidentPicture.LEGEND / 2;
        svg.append("<g class=\"legend\">\n");
        for (NodeStatus status : picture.legend()) {
            glyph(svg, status, x + GLYPH, cy, GLYPH);
            svg.append(text(x + 2 * GLYPH + 6, cy + 4, 12, "normal", "#111111", status.label()));
            x += 2 * GLYPH + 14 + 7.5 * status.label().length();
        }
        svg.append("</g>\n");
    }

    /** A status glyph centred on {@code (cx, cy)} with half-size {@code r}, the same outline as on the canvas. */
    static void glyph(StringBuilder svg, NodeStatus status, double cx, double cy, double r) {
        String colour = colour(status);
        GlyphShape shape = status.shape();
        switch (shape) {
            case CIRCLE ->
                svg.append("<circle class=\"glyph\" cx=\"")
                        .append(num(cx))
                        .append("\" cy=\"")
                        .append(num(cy))
                        .append("\" r=\"")
                        .append(num(r))
                        .append("\" fill=\"")
                        .append(colour)
                        .append("\"/>\n");
            case RING ->
                svg.append("<circle class=\"glyph\" cx=\"")
                        .append(num(cx))
                        .append("\" cy=\"")
                        .append(num(cy))
                        .append("\" r=\"")
                        .append(num(r * 0.78))
                        .append("\" fill=\"none\" stroke=\"")
                        .append(colour)
                        .append("\" stroke-width=\"")
                        .append(num(r * 0.44))
                        .append("\"/>\n");
            default -> {
                double[] unit = shape.polygon();
                svg.append("<polygon class=\"glyph\" points=\"");
                for (int k = 0; k < unit.length; k += 2) {
                    if (k > 0) {
                        svg.append(' ');
                    }
                    svg.append(num(cx + unit[k] * r)).append(',').append(num(cy + unit[k + 1] * r));
                }
                svg.append("\" fill=\"").append(colour).append("\"/>\n");
            }
        }
    }

    /** Smooth left-to-right curves through the layout's bend points. */
    static String path(double[] p) {
        var d = new StringBuilder("M").append(num(p[0])).append(' ').append(num(p[1]));
        for (int k = 2; k < p.length; k += 2) {
            double x0 = p[k - 2];
            double y0 = p[k - 1];
            double x1 = p[k];
            double y1 = p[k + 1];
            double mid = (x0 + x1) / 2;
            d.append(" C")
                    .append(num(mid))
                    .append(' ')
                    .append(num(y0))
                    .append(' ')
                    .append(num(mid))
                    .append(' ')
                    .append(num(y1))
                    .append(' ')
                    .append(num(x1))
                    .append(' ')
                    .append(num(y1));
        }
        return d.toString();
    }

    private static String text(double x, double y, int size, String weight, String fill, String content) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + size + "\""
                + ("normal".equals(weight) ? "" : " font-weight=\"" + weight + "\"") + " fill=\"" + fill + "\">"
                + xml(content) + "</text>\n";
    }

    static String shorten(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
    }

    /** {@code #rrggbb} of a status. */
    static String colour(NodeStatus status) {
        return String.format(Locale.ROOT, "#%06x", status.argb() & 0xFFFFFF);
    }

    static String num(double v) {
        long rounded = Math.round(v * 10);
        return rounded % 10 == 0 ? Long.toString(rounded / 10) : Double.toString(rounded / 10.0);
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
