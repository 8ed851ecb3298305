// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.report;

import dev.dbtrescue.app.lineage.canvas.NodeStatus;

/**
 * The drawing primitives an {@link IncidentPicture} is painted with ({@link #paint}), so that the SVG and PNG writers
 * share one geometry and differ only in how a primitive is written. Colours are {@code 0xRRGGBB}; coordinates are the
 * picture's points.
 */
interface PictureCanvas {

    /** Starts a named part of the picture ({@code header}, {@code edges}, {@code nodes}, {@code legend}). */
    void beginPart(String part);

    /** Ends the part begun last. */
    void endPart();

    /** Starts the drawing of one node. */
    void beginNode(IncidentPicture.Box box);

    /** Ends the node begun last. */
    void endNode();

    /** One line of text with its baseline at {@code y}. */
    void text(double x, double y, int size, boolean bold, int rgb, String text);

    /** The width {@code text} takes at {@code size}. */
    double textWidth(String text, int size);

    /** An open path from {@code (x, y)} through cubic segments of six numbers each: two control points, an end. */
    void curves(double x, double y, double[] cubics);

    /** A rounded box filled with {@code rgb} at {@code fillOpacity} and outlined with it. */
    void box(double x, double y, double w, double h, double radius, int rgb, double fillOpacity, double stroke);

    /** A filled circle. */
    void disc(double cx, double cy, double r, int rgb);

    /** A circle outline. */
    void ring(double cx, double cy, double r, double stroke, int rgb);

    /** A filled polygon, {@code x0,y0,x1,y1,...}. */
    void polygon(double[] points, int rgb);

    /** Half-size of a status glyph. */
    double GLYPH = 7;

    /** Characters of a label that fit a box; longer names end in an ellipsis (the tooltip keeps the whole id). */
    int LABEL_CHARS = 26;

    /** Paints {@code picture} on {@code canvas}: header, edges, nodes, legend. */
    static void paint(IncidentPicture picture, PictureCanvas canvas) {
        double y = IncidentPicture.MARGIN + 14;
        canvas.beginPart("header");
        canvas.text(IncidentPicture.MARGIN, y, 16, true, 0x111111, picture.title());
        for (String line : picture.subtitle()) {
            y += IncidentPicture.LINE;
            canvas.text(IncidentPicture.MARGIN, y, 12, false, 0x444444, line);
        }
        canvas.endPart();

        canvas.beginPart("edges");
        for (double[] p : picture.lines()) {
            double[] cubics = new double[3 * (p.length - 2)];
            for (int k = 2, c = 0; k < p.length; k += 2, c += 6) {
                double mid = (p[k - 2] + p[k]) / 2; // horizontal tangents: smooth left-to-right S-curves
                cubics[c] = mid;
                cubics[c + 1] = p[k - 1];
                cubics[c + 2] = mid;
                cubics[c + 3] = p[k + 1];
                cubics[c + 4] = p[k];
                cubics[c + 5] = p[k + 1];
            }
            canvas.curves(p[0], p[1], cubics);
        }
        canvas.endPart();

        canvas.beginPart("nodes");
        for (IncidentPicture.Box box : picture.boxes()) {
            int rgb = box.status().argb() & 0xFFFFFF;
            boolean failed = box.status() == NodeStatus.ERROR || box.status() == NodeStatus.FAIL;
            canvas.beginNode(box);
            canvas.box(box.x(), box.y(), box.w(), box.h(), 6, rgb, 0.16, failed ? 3 : 1.5);
            glyph(canvas, box.status(), box.x() + 14, box.y() + box.h() / 2);
            canvas.text(box.x() + 28, box.y() + 15, 12, false, 0x111111, shorten(box.label()));
            canvas.text(
                    box.x() + 28, box.y() + 28, 9, false, 0x555555, box.type().dbtName());
            canvas.endNode();
        }
        canvas.endPart();

        canvas.beginPart("legend");
        double x = IncidentPicture.MARGIN;
        double cy = picture.legendTop() + IncidentPicture.LEGEND / 2;
        for (NodeStatus status : picture.legend()) {
            glyph(canvas, status, x + GLYPH, cy);
            canvas.text(x + 2 * GLYPH + 6, cy + 4, 12, false, 0x111111, status.label());
            x += 2 * GLYPH + 20 + canvas.textWidth(status.label(), 12);
        }
        canvas.endPart();
    }

    /** A status glyph centred on {@code (cx, cy)}: the same outline as on the lineage canvas. */
    private static void glyph(PictureCanvas canvas, NodeStatus status, double cx, double cy) {
        int rgb = status.argb() & 0xFFFFFF;
        switch (status.shape()) {
            case CIRCLE -> canvas.disc(cx, cy, GLYPH, rgb);
            case RING -> canvas.ring(cx, cy, GLYPH * 0.78, GLYPH * 0.44, rgb);
            default -> {
                double[] points = status.shape().polygon();
                for (int k = 0; k < points.length; k += 2) {
                    points[k] = cx + points[k] * GLYPH;
                    points[k + 1] = cy + points[k + 1] * GLYPH;
                }
                canvas.polygon(points, rgb);
            }
        }
    }

    /** A label cut to {@link #LABEL_CHARS}. */
    static String shorten(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
    }
}
