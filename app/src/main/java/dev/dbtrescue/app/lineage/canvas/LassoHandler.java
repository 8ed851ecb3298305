// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

/** Receives the nodes whose centres lie inside a lasso polygon, ascending; {@code remove} for shift+alt/ctrl. */
@FunctionalInterface
public interface LassoHandler {
    void lassoed(int[] nodes, boolean remove);
}
