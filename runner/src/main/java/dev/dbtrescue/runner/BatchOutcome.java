// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

/** How one dbt invocation of a batch ended. */
public enum BatchOutcome {
    /** dbt exited 0: every node succeeded, passed or warned. */
    SUCCEEDED,
    /** dbt exited 1: some node errored, failed or was skipped. */
    FAILED,
    /** dbt exited 2 or could not start: it did not complete (project, profile or selector errors, a crash). */
    ERROR,
    /** The user cancelled; dbt's process tree was stopped. */
    CANCELLED,
    /** The SSH connection dropped; the remote dbt was stopped when the channel closed. */
    CONNECTION_LOST,
    /** The runner stopped while dbt ran (a crash, a kill); recorded when the run is resumed. */
    INTERRUPTED;

    /** True when the batch did not run to its end and its unfinished nodes can be resumed. */
    public boolean interrupted() {
        return this == CANCELLED || this == CONNECTION_LOST || this == INTERRUPTED;
    }
}
