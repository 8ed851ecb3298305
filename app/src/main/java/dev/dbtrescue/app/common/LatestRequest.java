// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.common;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One kind of background request of which only the newest counts (house style B.3.6): a newer {@link #submit} or a
 * {@link #cancel} drops the older result, and cancels its work if it has not started yet (a request made to wait with
 * {@link #submitAfter} is then never started). Call it on the FX thread only.
 */
public final class LatestRequest {

    private final Executor background;
    private final Executor fx;
    private long generation; // FX thread only
    private CompletableFuture<?> pending = CompletableFuture.completedFuture(null);

    public LatestRequest(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
    }

    /** Runs {@code work} on the background executor, then {@code apply} or {@code fail} on the FX executor. */
    public <T> void submit(Supplier<T> work, Consumer<T> apply, Consumer<Throwable> fail) {
        submitAfter(Duration.ZERO, work, apply, fail);
    }

    /**
     * As {@link #submit}, but the work starts only after {@code delay}, and not at all if a newer request or a cancel
     * comes first: requests that follow each other quickly (a selection changing on every keystroke) cost only the
     * last one's work.
     */
    public <T> void submitAfter(Duration delay, Supplier<T> work, Consumer<T> apply, Consumer<Throwable> fail) {
        cancel();
        long request = generation;
        Executor start = delay.isZero()
                ? background
                : CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, background);
        CompletableFuture<T> future = CompletableFuture.supplyAsync(work, start);
        pending = future;
        future.whenCompleteAsync(
                (value, error) -> {
                    if (request != generation) {
                        return; // stale: a newer request (or a cancel) owns the result
                    }
                    if (error != null) {
                        fail.accept(rootCause(error));
                    } else {
                        apply.accept(value);
                    }
                },
                fx);
    }

    /** Drops the pending result; its work does not run if it has not started (CompletableFuture skips it). */
    public void cancel() {
        generation++;
        pending.cancel(false);
    }

    private static Throwable rootCause(Throwable t) {
        return t instanceof CompletionException ce && ce.getCause() != null ? ce.getCause() : t;
    }
}
