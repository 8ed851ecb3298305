// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's background threads, owned by the composition root: a bounded pool for loading, layout, selectors and
 * search, one thread for edge rasterisation so it never queues behind a large load, one for planning so that a
 * plan of thousands of nodes never holds up the highlight of the next selector, and one for the warm-up at start
 * (so it never takes a thread of the pool from the user's open).
 */
public final class AppExecutors implements AutoCloseable {

    private final ExecutorService background;
    private final ExecutorService raster;
    private final ExecutorService planning;
    private final ExecutorService warmUp;

    public AppExecutors() {
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        background = Executors.newFixedThreadPool(threads, named("dbt-rescue-work"));
        raster = Executors.newSingleThreadExecutor(named("dbt-rescue-raster"));
        planning = Executors.newSingleThreadExecutor(named("dbt-rescue-plan"));
        warmUp = Executors.newSingleThreadExecutor(r -> {
            Thread t = named("dbt-rescue-warm-up").newThread(r);
            t.setPriority(Thread.MIN_PRIORITY); // honoured by Windows and macOS; Linux ignores it
            return t;
        });
    }

    /** Loading, layout, selector evaluation, search. */
    public ExecutorService background() {
        return background;
    }

    /** Edge rasterisation for the lineage canvas. */
    public ExecutorService raster() {
        return raster;
    }

    /** Making, editing, saving and loading rerun plans. */
    public ExecutorService planning() {
        return planning;
    }

    /** The warm-up of the reading and analysing code while the window waits for the user's first open. */
    public ExecutorService warmUp() {
        return warmUp;
    }

    /** Stops every pool, interrupting running work, and waits briefly. */
    @Override
    public void close() {
        background.shutdownNow();
        raster.shutdownNow();
        planning.shutdownNow();
        warmUp.shutdownNow();
        try {
            background.awaitTermination(2, TimeUnit.SECONDS);
            raster.awaitTermination(2, TimeUnit.SECONDS);
            planning.awaitTermination(2, TimeUnit.SECONDS);
            warmUp.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
