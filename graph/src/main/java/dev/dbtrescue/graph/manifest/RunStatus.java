// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import java.util.Locale;

/**
 * A node's {@code status} in {@code run_results.json}.
 *
 * @see <a href="https://docs.getdbt.com/reference/artifacts/run-results-json">run_results.json</a>
 */
public enum RunStatus {
    SUCCESS("success"),
    ERROR("error"),
    FAIL("fail"),
    WARN("warn"),
    SKIPPED("skipped"),
    PASS("pass"),
    RUNTIME_ERROR("runtime error"),
    PARTIAL_SUCCESS("partial success"),
    NO_OP("no-op"),
    REUSED("reused"),
    /** A status this version of dbt-rescue does not know; shown as written. */
    UNKNOWN("unknown");

    private final String dbtName;

    RunStatus(String dbtName) {
        this.dbtName = dbtName;
    }

    /** The status as dbt writes it. */
    public String dbtName() {
        return dbtName;
    }

    /** Maps dbt's status text; {@link #UNKNOWN} for anything else. */
    public static RunStatus fromDbt(String status) {
        String wanted = status.strip().toLowerCase(Locale.ROOT);
        for (RunStatus s : values()) {
            if (s.dbtName.equals(wanted)) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /**
     * True for outcomes that need a rescue: {@code error}, {@code fail}, {@code runtime error} and
     * {@code partial success} (a microbatch model with failed batches).
     */
    public boolean isFailure() {
        return this == ERROR || this == FAIL || this == RUNTIME_ERROR || this == PARTIAL_SUCCESS;
    }

    /** True for outcomes after which the node is in a good state: success, pass, warn, no-op, reused. */
    public boolean isSuccess() {
        return this == SUCCESS || this == PASS || this == WARN || this == NO_OP || this == REUSED;
    }
}
