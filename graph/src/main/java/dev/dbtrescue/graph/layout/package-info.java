// SPDX-License-Identifier: Apache-2.0
/**
 * Layered (Sugiyama-style) drawing of a DAG, left to right, as coordinates only: {@link
 * dev.dbtrescue.graph.layout.LayeredLayout} turns a {@link dev.dbtrescue.graph.layout.LayoutGraph} over node indices
 * into a {@link dev.dbtrescue.graph.layout.LayoutResult} of node centres and edge polylines, which the desktop app
 * paints. No UI types, no threads: callers run it off the UI thread. See ADR 0008.
 */
@NullMarked
package dev.dbtrescue.graph.layout;

import org.jspecify.annotations.NullMarked;
