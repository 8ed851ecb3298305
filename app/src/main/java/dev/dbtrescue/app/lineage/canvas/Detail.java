// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

/** Level of detail, chosen by how tall a node is on screen. */
enum Detail {
    /** Status shapes from the dot raster; straight simplified edges. */
    SHAPES,
    /** Boxes with a status bar and glyph. */
    BOXES,
    /** Boxes with label, glyph and badge. */
    LABELS;

    static final double BOXES_FROM_PX = 9;
    static final double LABELS_FROM_PX = 18;
    /** Node height on screen that {@code centerOn} zooms to when zoomed further out. */
    static final double READABLE_PX = 24;

    static Detail at(double scale, double nodeHeight) {
        double h = scale * nodeHeight;
        return h < BOXES_FROM_PX ? SHAPES : h < LABELS_FROM_PX ? BOXES : LABELS;
    }
}
