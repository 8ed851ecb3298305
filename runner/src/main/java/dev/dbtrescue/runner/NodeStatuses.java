// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import java.util.Set;

/** dbt's node result statuses as the runner groups them (run_results.json {@code results[].status}). */
public final class NodeStatuses {

    private static final Set<String> DONE = Set.of("success", "pass", "warn", "no-op", "reused");

    private NodeStatuses() {}

    /**
     * True for a status after which the node needs no rerun: {@code success}, {@code pass}, {@code warn},
     * {@code no-op}, {@code reused}. See <a href="https://docs.getdbt.com/reference/artifacts/run-results-json">dbt's
     * run results</a>.
     */
    public static boolean succeeded(String status) {
        return DONE.contains(status);
    }
}
