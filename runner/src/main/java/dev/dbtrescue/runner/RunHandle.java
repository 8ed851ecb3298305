// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

import java.time.Duration;
import java.util.Objects;

/**
 * Cancels a run from another thread: {@link #cancel()} stops the dbt process of the current batch (graceful first,
 * then forced) and keeps the runner from starting another. Create one per run and hand it to
 * {@link PlanRunner#run}.
 */
public final class RunHandle {

    private final Duration grace;
    private volatile boolean cancelled;
    private volatile DbtProcess current;

    /** A handle that gives dbt 10 seconds to stop after an interrupt before it is killed. */
    public RunHandle() {
        this(Duration.ofSeconds(10));
    }

    /** A handle that gives dbt {@code grace} to stop after an interrupt before it is killed. */
    public RunHandle(Duration grace) {
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    /** Asks the run to stop. Returns at once; idempotent; safe from any thread. */
    public void cancel() {
        cancelled = true;
        DbtProcess process = current;
        if (process != null) {
            process.cancel(grace);
        }
    }

    /** True once {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Makes {@code process} the one a cancel stops; stops it at once if the run is already cancelled. */
    void attach(DbtProcess process) {
        current = process;
        if (cancelled) {
            process.cancel(grace);
        }
    }

    void detach() {
        current = null;
    }
}
