// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import java.util.Locale;
import java.util.Optional;

/** How the planner cuts a selection into batches, beyond the size and time limits. */
public enum SplitMode {
    /** Topological waves: a batch holds nodes of one wave, which do not depend on each other. */
    WAVES,
    /**
     * By lineage: nodes are taken branch by branch (depth first), and a batch is cut between branches when the next
     * branch would not fit, so a batch completes a coherent downstream chain.
     */
    LINEAGE,
    /** By folder: a batch holds nodes of one folder ({@code models/staging/shop}). */
    FOLDER,
    /** By tag: a batch holds nodes with the same tags. */
    TAG,
    /** By group: a batch holds nodes of one dbt group. */
    GROUP;

    /** The word on dbt-rescue's command line: {@code waves}, {@code lineage}, ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode for a word, case-insensitive. */
    public static Optional<SplitMode> fromCli(String word) {
        for (SplitMode mode : values()) {
            if (mode.cliName().equalsIgnoreCase(word.strip())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
