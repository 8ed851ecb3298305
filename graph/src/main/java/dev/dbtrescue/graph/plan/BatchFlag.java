// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

/** Why a batch needs the user's attention. */
public enum BatchFlag {
    /** A heavy node, alone: a full refresh of an incremental model or an estimate over the heavy threshold. */
    HEAVY,
    /** The batch runs with {@code --full-refresh}. */
    FULL_REFRESH,
    /** Over the batch limits: one node that exceeds them on its own (alone), or a batch grouped so by hand. */
    OVER_BUDGET;

    /** The flag as written in plans: {@code heavy}, {@code full_refresh}, {@code over_budget}. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
