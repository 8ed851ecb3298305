// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.app.project.ProjectSession;

/** Projects and lays out a project for drawing. Called off the FX thread; implementations are thread-safe. */
@FunctionalInterface
public interface LayoutEngine {

    /** The drawable layout of a project under view options. */
    LineageLayout layout(ProjectSession session, ViewOptions options);
}
