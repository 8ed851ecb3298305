// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import dev.dbtrescue.graph.status.NodeState;

/**
 * Status of a node as drawn. Colours come from the Okabe-Ito palette, which stays distinguishable with the common
 * colour-vision deficiencies; every value also has its own shape, so status is never told by colour alone.
 */
public enum NodeStatus {
    SUCCESS("Success", 0xFF009E73, GlyphShape.CIRCLE),
    ERROR("Error", 0xFFD55E00, GlyphShape.CROSS),
    FAIL("Test failed", 0xFFCC79A7, GlyphShape.TRIANGLE_DOWN),
    WARN("Warning", 0xFFE69F00, GlyphShape.TRIANGLE_UP),
    SKIPPED("Skipped", 0xFF56B4E9, GlyphShape.DIAMOND),
    NOT_RUN("Not run", 0xFF999999, GlyphShape.RING),
    STALE("Stale", 0xFFF0E442, GlyphShape.HOURGLASS),
    FRESH("Fresh", 0xFF009E73, GlyphShape.SQUARE),
    RUNNING("Running", 0xFF0072B2, GlyphShape.PLUS),
    GROUP("Group", 0xFF000000, GlyphShape.HEXAGON);

    private final String label;
    private final int argb;
    private final GlyphShape shape;

    NodeStatus(String label, int argb, GlyphShape shape) {
        this.label = label;
        this.argb = argb;
        this.shape = shape;
    }

    /** Human-readable name for legends and tooltips. */
    public String label() {
        return label;
    }

    /** Opaque colour as {@code 0xAARRGGBB}. */
    public int argb() {
        return argb;
    }

    /** The glyph that tells this status apart without colour. */
    public GlyphShape shape() {
        return shape;
    }

    /** How a node's last state is drawn. */
    public static NodeStatus of(NodeState state) {
        return switch (state) {
            case SUCCESS -> SUCCESS;
            case ERROR -> ERROR;
            case FAIL -> FAIL;
            case WARN -> WARN;
            case SKIPPED -> SKIPPED;
            case NOT_RUN -> NOT_RUN;
            case STALE -> STALE;
            case FRESH -> FRESH;
        };
    }
}
