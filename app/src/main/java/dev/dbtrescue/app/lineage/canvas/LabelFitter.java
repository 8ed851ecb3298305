// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

/**
 * Shortens labels with an ellipsis to fit a pixel width, from per-character advance widths measured once for a font
 * at size 1 (so no text layout runs per frame). Immutable.
 */
final class LabelFitter {

    static final String ELLIPSIS = "…";

    private final double[] asciiWidths;
    private final double otherWidth;
    private final double ellipsisWidth;

    /** @param asciiWidths advance of characters 0..127 at font size 1; {@code otherWidth} for the rest */
    LabelFitter(double[] asciiWidths, double otherWidth, double ellipsisWidth) {
        this.asciiWidths = asciiWidths.clone();
        this.otherWidth = otherWidth;
        this.ellipsisWidth = ellipsisWidth;
    }

    double width(String text, double fontSize) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += advance(text.charAt(i));
        }
        return w * fontSize;
    }

    private double advance(char c) {
        return c < asciiWidths.length ? asciiWidths[c] : otherWidth;
    }

    /** {@code text}, or its longest prefix plus "…" that fits {@code maxWidth}; empty if not even "…" fits. */
    String fit(String text, double fontSize, double maxWidth) {
        double budget = maxWidth / fontSize;
        if (width(text, 1) <= budget) {
            return text;
        }
        double w = ellipsisWidth;
        int end = 0;
        while (end < text.length() && w + advance(text.charAt(end)) <= budget) {
            w += advance(text.charAt(end));
            end++;
        }
        return ellipsisWidth > budget ? "" : text.substring(0, end) + ELLIPSIS;
    }
}
