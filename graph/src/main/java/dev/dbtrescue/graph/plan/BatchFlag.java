// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

/** Why a batch needs the user's attention. */
public enum BatchFlag {
    /** A heavy node, alone: a full refresh of an incremental model or an estimate over the heavy threshold. */
    HEAVY,
    /** The batch runs with {@code --full-refresh}. */
    FULL_REFRESH,
    /** One node that exceeds the batch limits on its own, so it is alone and over budget. */
    OVER_BUDGET;

    /** The flag as written in plans: {@code heavy}, {@code full_refresh}, {@code over_budget}. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
