// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.app.project.ProjectSession;
import java.util.function.BooleanSupplier;

/** Projects and lays out a project for drawing. Called off the FX thread; implementations are thread-safe. */
@FunctionalInterface
public interface LayoutEngine {

    /**
     * The drawable layout of a project under view options.
     *
     * @param cancelled true once a newer request made this one useless; the engine may then stop early
     * @throws java.util.concurrent.CancellationException if it stopped because {@code cancelled} said so
     */
    LineageLayout layout(ProjectSession session, ViewOptions options, BooleanSupplier cancelled);
}
