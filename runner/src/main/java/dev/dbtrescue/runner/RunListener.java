// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.runner;

/**
 * Receives a run's events in the order they happen, on the runner's reading thread. Implementations must return
 * quickly (queue the event for a UI, print it); a listener that throws does not stop the run.
 */
@FunctionalInterface
public interface RunListener {

    /** A listener that ignores everything. */
    RunListener NONE = event -> {};

    /** Called once per event. */
    void onEvent(RunEvent event);
}
