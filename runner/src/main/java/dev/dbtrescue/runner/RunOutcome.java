// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

/** How a whole run ended. */
public enum RunOutcome {
    /** Every planned node succeeded. */
    SUCCEEDED("Run succeeded", 0),
    /** Every batch ran (or was skipped by the failure policy), and some node did not succeed. */
    FAILED("Run failed", 1),
    /** dbt could not complete a batch (exit code 2, or it could not be started). */
    ERROR("Run stopped on an error", 2),
    /** The user cancelled; resume from the journal to finish. */
    CANCELLED("Run cancelled", 2),
    /** The SSH connection dropped; resume from the journal to finish. */
    CONNECTION_LOST("Connection lost", 2);

    private final String label;
    private final int exitCode;

    RunOutcome(String label, int exitCode) {
        this.label = label;
        this.exitCode = exitCode;
    }

    /** For people. */
    public String label() {
        return label;
    }

    /** dbt's exit code convention for this outcome. */
    public int exitCode() {
        return exitCode;
    }
}
