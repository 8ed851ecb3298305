// SPDX-License-Identifier: Apache-2.0
/**
 * A reusable lineage canvas: one viewport-sized Canvas with level of detail, a cached edge raster computed off the
 * FX thread, a minimap and the status glyphs the legend shares. See docs/decisions/0009-canvas-rendering.md.
 */
@NullMarked
package dev.dbtrescue.app.lineage.canvas;

import org.jspecify.annotations.NullMarked;
