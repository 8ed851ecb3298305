// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.run;

import static dev.dbtrescue.app.bench.FxBench.ms;
import static dev.dbtrescue.app.bench.FxBench.onFx;
import static dev.dbtrescue.app.bench.FxBench.report;

import dev.dbtrescue.app.AppContext;
import dev.dbtrescue.app.MainView;
import dev.dbtrescue.app.bench.FxBench;
import dev.dbtrescue.app.lineage.LineageLayout;
import dev.dbtrescue.app.project.AppFolders;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.runner.RunEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Benchmark: live recolouring in the real window, headless on the software pipeline. Opens a generated project, shows
 * all of it fitted to the window (every node drawn as a dot), then feeds the run panel 1,000 node events a second
 * (a node starts, another finishes) for the given seconds, as dbt's log would on a large run. Prints the FX pulse
 * (the animation phase of a pulse to its rendered frame) and how long a task posted to the FX thread waits, idle first and then under the
 * events, as medians and their ratio. Usage: {@code RecolorBench PROJECT_DIR [SECONDS] [EVENTS_PER_SECOND]}.
 */
public final class RecolorBench {

    private final AtomicLong pulseStart = new AtomicLong();
    private final ConcurrentLinkedQueue<Double> pulses = new ConcurrentLinkedQueue<>();
    private volatile boolean recording;

    private AppContext context;

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        var started = new CompletableFuture<Void>();
        Platform.startup(() -> started.complete(null));
        started.get();
        int exit = 0;
        try {
            new RecolorBench().run(project, seconds, rate);
        } catch (Exception | Error e) {
            System.err.println("bench-recolor failed: " + e);
            exit = 1;
        } finally {
            Platform.exit();
        }
        System.exit(exit);
    }

    private void run(Path project, int seconds, int rate) throws Exception {
        Path home = Files.createTempDirectory("dbt-rescue-bench");
        onFx(() -> {
            // started before the window's own timers, so that it runs first in each pulse's animation phase
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulseStart.compareAndSet(0, System.nanoTime());
                }
            }.start();
            context = AppContext.create(AppFolders.under(home), Platform::runLater);
            var view = new MainView(context.main(), context.executors().raster());
            var stage = new Stage();
            var scene = new Scene(view, 1600, 1000);
            FxBench.onRenderedFrame(scene, () -> {
                long start = pulseStart.getAndSet(0);
                if (recording && start != 0) {
                    pulses.add(ms(System.nanoTime() - start));
                }
            });
            stage.setScene(scene);
            stage.show();
            context.main().open().openFolder(project, Optional.empty());
            return null;
        });
        waitUntil(() -> context.main().lineage().layoutProperty().get() != null);
        LineageLayout scoped = context.main().lineage().layoutProperty().get();
        onFx(() -> {
            context.main().lineage().showWholeProject();
            return null;
        });
        waitUntil(() -> context.main().lineage().layoutProperty().get() != scoped
                && !context.main().lineage().busyProperty().get());
        Thread.sleep(3_000); // the presets and the edge raster settle
        List<Node> nodes =
                context.main().sessionProperty().get().project().graph().nodes();
        RunViewModel run = context.main().rescue().run();

        double[] idleWait = probe(Duration.ofSeconds(3));
        recording = true;
        long t0 = System.nanoTime();
        Thread feeder = Thread.ofPlatform().daemon().start(() -> feed(run, nodes, rate, seconds));
        double[] loadedWait = probe(Duration.ofSeconds(seconds));
        feeder.join();
        long sent = (long) rate * seconds;
        recording = false;
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double[] pulse = pulses.stream().mapToDouble(Double::doubleValue).toArray();

        System.out.printf(
                Locale.ROOT,
                "project: %s, %d nodes drawn as the whole project; %d node events in %.1f s (%.0f/s)%n",
                project,
                context.main().lineage().layoutProperty().get().projection().itemCount(),
                sent,
                elapsed,
                sent / elapsed);
        report("FX pulse under the events (pulse → frame)", pulse);
        report("FX task wait, idle", idleWait);
        report("FX task wait, under the events", loadedWait);
        System.out.printf(
                Locale.ROOT,
                "frames rendered under the events: %d (%.1f/s); task wait median ratio loaded/idle %.2f%n",
                pulse.length,
                pulse.length / elapsed,
                median(loadedWait) / Math.max(1e-3, median(idleWait)));
    }

    /** Events at a steady rate: a node starts and, 50 events later, finishes (success or error). */
    private static void feed(RunViewModel run, List<Node> nodes, int rate, int seconds) {
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        for (long k = 0; k < total; k++) {
            long due = start + k * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Node node = nodes.get((int) ((k / 2) * 7919 % nodes.size()));
            Instant now = Instant.now();
            if (k % 2 == 0) {
                run.enqueue(new RunEvent.NodeStarted(
                        node.id().value(), node.name(), node.type().dbtName(), now, node.name() + " started"));
            } else {
                run.enqueue(new RunEvent.NodeFinished(
                        node.id().value(),
                        node.name(),
                        node.type().dbtName(),
                        k % 10 == 1 ? "error" : "success",
                        Duration.ofMillis(40),
                        now,
                        node.name() + " finished"));
            }
        }
    }

    /** Posts a task to the FX thread every 10 ms and measures how long each waits to run. */
    private static double[] probe(Duration length) throws Exception {
        List<Double> waits = new ArrayList<>();
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            long posted = System.nanoTime();
            var ran = new CompletableFuture<Long>();
            Platform.runLater(() -> ran.complete(System.nanoTime()));
            waits.add(ms(ran.get() - posted));
            Thread.sleep(10);
        }
        return waits.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        FxBench.waitUntil(condition, Duration.ofMillis(5), Duration.ofSeconds(180));
    }
}
