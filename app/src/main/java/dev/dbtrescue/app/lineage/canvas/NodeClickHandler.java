// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

/** Receives a click on a node; {@code clickCount} is 2 for a double-click. */
@FunctionalInterface
public interface NodeClickHandler {
    void nodeClicked(int node, boolean shift, int clickCount);
}
