// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import dev.dbtrescue.graph.manifest.FreshnessStatus;
import dev.dbtrescue.graph.manifest.RunStatus;

/** A node's state as shown to a user, folded from its last result or its source freshness. */
public enum NodeState {
    /** Last result success, pass, no-op or reused. */
    SUCCESS("success"),
    /** A model, seed, snapshot or hook error; a test that could not run; a runtime error; a partial success. */
    ERROR("error"),
    /** A test that found failing rows (severity error). */
    FAIL("fail"),
    /** A test that found failing rows with severity warn. */
    WARN("warn"),
    /** Skipped because something upstream failed. */
    SKIPPED("skipped"),
    /** No result in any loaded run_results.json, and for sources no freshness result. */
    NOT_RUN("not run"),
    /** A source past its freshness threshold (warn or error), or whose freshness could not be measured. */
    STALE("stale"),
    /** A source whose freshness passed. */
    FRESH("fresh");

    private final String label;

    NodeState(String label) {
        this.label = label;
    }

    /** The state as shown to users. */
    public String label() {
        return label;
    }

    /** The state after a run result. */
    public static NodeState of(RunStatus status) {
        return switch (status) {
            case SUCCESS, PASS, NO_OP, REUSED -> SUCCESS;
            case ERROR, RUNTIME_ERROR, PARTIAL_SUCCESS, UNKNOWN -> ERROR;
            case FAIL -> FAIL;
            case WARN -> WARN;
            case SKIPPED -> SKIPPED;
        };
    }

    /** The state after a freshness result. */
    public static NodeState of(FreshnessStatus status) {
        return status == FreshnessStatus.PASS ? FRESH : STALE;
    }
}
