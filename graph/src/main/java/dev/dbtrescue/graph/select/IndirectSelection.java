// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import java.util.Locale;
import java.util.Optional;

/**
 * How tests attached to selected nodes are selected too ({@code --indirect-selection}).
 *
 * @see <a href="https://docs.getdbt.com/reference/node-selection/test-selection-examples">test selection</a>
 */
public enum IndirectSelection {
    /** Every test touching a selected node (dbt's default). */
    EAGER,
    /** Only tests whose every parent is selected. */
    CAUTIOUS,
    /** Tests whose parents are selected or upstream of the selection. */
    BUILDABLE,
    /** No implicit test selection. */
    EMPTY;

    /** The flag value, as dbt spells it. */
    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a flag value; empty when unknown. */
    public static Optional<IndirectSelection> fromDbt(String value) {
        for (IndirectSelection mode : values()) {
            if (mode.dbtName().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
