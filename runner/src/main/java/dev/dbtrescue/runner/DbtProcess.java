// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A running dbt command on some host. dbt runs in a process group of its own that is stopped when the connection to
 * it closes (the runner died, or the SSH channel dropped), so a dead runner never leaves dbt behind.
 */
public interface DbtProcess {

    /** Receives dbt's output lines; a failure to take one (the journal cannot be written) stops dbt. */
    @FunctionalInterface
    interface LineSink {
        /**
         * @throws RunnerException to stop reading; dbt is then stopped and {@link #await} rethrows it
         */
        void accept(String line) throws RunnerException;
    }

    /**
     * Reads dbt's output (stdout and stderr, merged) line by line until it ends, and returns dbt's exit code. Call
     * once, from one thread.
     *
     * @param lines receives each line, without its line terminator
     * @return dbt's exit code; 130 or 143 (or -1) when it was stopped by a signal
     * @throws RunnerException {@code DBT_MISSING} if dbt was not found on the host, {@code CONNECTION_LOST} if the
     *     connection dropped before dbt ended, or what {@code lines} threw (dbt is then stopped)
     */
    int await(LineSink lines) throws RunnerException;

    /**
     * Stops dbt: an interrupt to its process group first (dbt cancels its queries and ends like on Ctrl-C), then,
     * if it is still running after {@code grace}, a kill. Returns at once; safe from any thread, idempotent.
     */
    void cancel(Duration grace);

    /** dbt's process id on its host (also its process group id where the host has setsid), once known. */
    OptionalLong pid();
}
