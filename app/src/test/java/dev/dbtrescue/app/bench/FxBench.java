// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;

/** What the JavaFX benchmarks share: running on the FX thread, waiting, frame hooks and the report line. */
public final class FxBench {

    private FxBench() {}

    /** Runs {@code work} on the FX thread and waits for its result (or its exception). */
    public static <T> T onFx(Callable<T> work) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }

    /** Polls {@code condition} every {@code poll} until it holds; fails after {@code timeout}. */
    public static void waitUntil(Callable<Boolean> condition, Duration poll, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("condition not met within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(poll);
        }
    }

    /**
     * Calls {@code onFrame} on every frame Prism renders for {@code scene}, through JavaFX's internal
     * PerformanceTracker (reached reflectively: it is not exported).
     */
    public static void onRenderedFrame(Scene scene, Runnable onFrame) {
        try {
            Class<?> tracker = Class.forName("com.sun.javafx.perf.PerformanceTracker");
            Object sceneTracker =
                    tracker.getMethod("getSceneTracker", Scene.class).invoke(null, scene);
            tracker.getMethod("setOnRenderedFrameTask", Runnable.class).invoke(sceneTracker, onFrame);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("needs JavaFX on the class path for PerformanceTracker", e);
        }
    }

    /** Prints one line: median, 95th percentile, min and max of the times in milliseconds. */
    public static void report(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%-48s median %8.1f ms   p95 %8.1f ms   min %8.1f ms   max %8.1f ms   (n=%d)%n",
                what,
                sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1],
                sorted[0],
                sorted[sorted.length - 1],
                sorted.length);
    }

    /** Nanoseconds as milliseconds. */
    public static double ms(long nanos) {
        return nanos / 1e6;
    }
}
