// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.settings;

import java.util.Objects;

/**
 * The plan constraints a project starts with. Full refresh names are left out on purpose: they name one project's
 * models.
 *
 * @param maxNodes at most this many nodes per batch, 0 for no limit
 * @param maxMinutes at most this many estimated minutes per batch, 0 for no limit
 * @param threads dbt's {@code --threads}, 0 for the last run's
 * @param split how batches are cut ({@code lineage}, {@code waves}, ...)
 * @param command the dbt command ({@code build}, {@code run}, ...)
 * @param target dbt's {@code --target}, empty for the profile's default
 * @param vars dbt's {@code --vars}, empty for none
 * @param defer defer to the state folder when one is open
 */
public record PlanDefaults(
        int maxNodes,
        int maxMinutes,
        int threads,
        String split,
        String command,
        String target,
        String vars,
        boolean defer) {

    /** What a plan panel starts with when nothing was saved. */
    public static final PlanDefaults STANDARD = new PlanDefaults(0, 0, 0, "lineage", "build", "", "", false);

    public PlanDefaults {
        if (maxNodes < 0 || maxMinutes < 0 || threads < 0) {
            throw new IllegalArgumentException("limits cannot be negative: max nodes " + maxNodes + ", max minutes "
                    + maxMinutes + ", threads " + threads);
        }
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(vars, "vars");
    }
}
