// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

/** Exit codes of the headless commands, aligned with dbt's own (0 success, 1 failures found, 2 bad input). */
public final class ExitCodes {

    /** The command did its job. */
    public static final int OK = 0;
    /** The command did its job and what it ran failed (dbt's exit 1). */
    public static final int FAILURES = 1;
    /** An input could not be read or understood; the message says which and what to do. */
    public static final int UNREADABLE_INPUT = 2;

    private ExitCodes() {}
}
