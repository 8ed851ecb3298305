// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.app.lineage.canvas.CanvasScene;
import dev.dbtrescue.app.lineage.canvas.NodeStatus;
import java.util.Objects;

/**
 * One laid-out projection, ready to draw: computed off the FX thread, then shared read-only.
 *
 * @param projection what is drawn
 * @param scene the geometry for the canvas
 * @param status each item's drawn status
 * @param badges each item's test rollup badge, empty when none
 * @param layoutMillis how long projection and layout took
 */
public record LineageLayout(
        Projection projection, CanvasScene scene, NodeStatus[] status, String[] badges, long layoutMillis) {

    public LineageLayout {
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(scene, "scene");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(badges, "badges");
    }
}
