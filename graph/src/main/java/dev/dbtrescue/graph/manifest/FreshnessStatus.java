// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import java.util.Locale;

/**
 * A source's freshness outcome in {@code sources.json}. Note dbt's wording: {@code error} means the data is older
 * than {@code error_after} (stale), while a failed freshness query is {@code runtime error}.
 *
 * @see <a href="https://docs.getdbt.com/reference/artifacts/sources-json">sources.json</a>
 */
public enum FreshnessStatus {
    PASS("pass"),
    WARN("warn"),
    ERROR("error"),
    RUNTIME_ERROR("runtime error"),
    UNKNOWN("unknown");

    private final String dbtName;

    FreshnessStatus(String dbtName) {
        this.dbtName = dbtName;
    }

    /** The status as dbt writes it. */
    public String dbtName() {
        return dbtName;
    }

    /** Maps dbt's status text; {@link #UNKNOWN} for anything else. */
    public static FreshnessStatus fromDbt(String status) {
        String wanted = status.strip().toLowerCase(Locale.ROOT);
        for (FreshnessStatus s : values()) {
            if (s.dbtName.equals(wanted)) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** True when the source needs attention: stale past warn or error, or not measurable. */
    public boolean isProblem() {
        return this == WARN || this == ERROR || this == RUNTIME_ERROR;
    }
}
