// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import java.util.concurrent.CancellationException;

/**
 * Hears how far a {@link ProjectLoader} got, and tells it to stop. Called on the loading thread; implementations hop
 * to the UI thread themselves.
 */
public interface LoadProgress {

    /** A progress that nobody watches and that is never cancelled. */
    LoadProgress NONE = new LoadProgress() {
        @Override
        public void step(String text, double fraction) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /**
     * A step begins.
     *
     * @param text what is being done, for the user ("Reading manifest.json")
     * @param fraction how much is done, 0 to 1, or -1 when unknown
     */
    void step(String text, double fraction);

    /** True once the load should stop; read between steps. Must be safe to call from any thread. */
    boolean isCancelled();

    /**
     * Registers something that stops a long blocking step (closing an SSH connection, say) when the load is
     * cancelled. The default does nothing: the load then stops at the next step.
     */
    default void onCancel(Runnable action) {}

    /**
     * Stops the load if it was cancelled or its thread interrupted.
     *
     * @throws CancellationException if so
     */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("the load was cancelled");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the loading thread was interrupted");
        }
    }
}
