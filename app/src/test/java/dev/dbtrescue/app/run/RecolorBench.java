// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.run;

import static dev.dbtrescue.app.bench.FxBench.ms;
import static dev.dbtrescue.app.bench.FxBench.onFx;
import static dev.dbtrescue.app.bench.FxBench.report;

import dev.dbtrescue.app.AppContext;
import dev.dbtrescue.app.MainView;
import dev.dbtrescue.app.bench.FxBench;
import dev.dbtrescue.app.bench.PulseLog;
import dev.dbtrescue.app.lineage.LineageLayout;
import dev.dbtrescue.app.project.AppFolders;
import dev.dbtrescue.app.settings.WindowSettings;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.runner.RunEvent;
import java.lang.reflect.Method;
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
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;

/**
 * Benchmark: live recolouring in the real window, headless on the software pipeline. Opens a generated project, shows
 * all of it fitted to the window (every node drawn as a dot), then feeds the run panel 1,000 node events a second
 * (a node starts, and the one started 50 events earlier finishes, so about 25 run at any time) for the given seconds,
 * as dbt's log would on a large run. Prints the FX pulse as JavaFX's pulse logger times it (the start of a pulse to the
 * end of its rendering), the time from a pulse's animation phase to the FX thread's notice that its frame was rendered
 * (which also waits for the FX thread's other tasks), and how long a task posted to the FX thread waits, idle first
 * and then under the events, as medians and their ratio. Then,
 * with no events and no node running, the fixed costs a recolouring frame sits on: the pulse when one pixel changes
 * (what any frame costs: the window's pixels are handed to the screen whole), when the canvas's area is only recomposed (a transparent rectangle over it changes every pulse: the software pipeline redraws every
 * layer under it, nothing is repainted) and when the canvas is repainted in full every pulse (a fit, as a view change
 * gives). Usage: {@code RecolorBench PROJECT_DIR [SECONDS] [EVENTS_PER_SECOND]}.
 */
public final class RecolorBench {

    /** Nodes running at any time while the events flow. */
    private static final int RUNNING_AT_ONCE = 25;

    private static PulseLog pulseLog;

    private final AtomicLong pulseStart = new AtomicLong();
    private final ConcurrentLinkedQueue<Double> pulses = new ConcurrentLinkedQueue<>();
    private volatile boolean recording;

    private AppContext context;
    private MainView view;
    private final Rectangle veil = new Rectangle();

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        // JavaFX's pulse logger: its pulse runs from the start of a pulse to the end of its rendering
        pulseLog = PulseLog.install();
        var started = new CompletableFuture<Void>();
        Platform.startup(() -> started.complete(null));
        started.get();
        int exit = 0;
        try {
            new RecolorBench().run(project, seconds, rate);
        } catch (Exception | Error e) {
            pulseLog.console().println("bench-recolor failed: " + e);
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
            view = new MainView(context.main(), context.executors().raster());
            var stage = new Stage();
            veil.setManaged(false);
            veil.setMouseTransparent(true);
            veil.setFill(Color.TRANSPARENT);
            var veilLayer = new Pane(veil);
            veilLayer.setMouseTransparent(true);
            veilLayer.setPickOnBounds(false);
            var scene = new Scene(new StackPane(view, veilLayer), 1600, 1000);
            // the shipped look: Primer Light and the app's stylesheet, as LineageApp sets them
            WindowSettings.applyTheme(false);
            scene.getStylesheets().add(WindowSettings.STYLESHEET);
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
        pulseLog.start();
        long t0 = System.nanoTime();
        long[] cpu0 = fxCpu();
        Thread feeder = Thread.ofPlatform().daemon().start(() -> feed(run, nodes, rate, seconds));
        double[] loadedWait = probe(Duration.ofSeconds(seconds));
        feeder.join();
        long sent = (long) rate * seconds;
        recording = false;
        double[] logged = pulseLog.stop();
        long[] cpu1 = fxCpu();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double[] pulse = pulses.stream().mapToDouble(Double::doubleValue).toArray();
        String eventsCpu = cpuPerFrame(cpu0, cpu1, pulse.length);
        Thread.sleep(1_000); // the last drain and the minimap's render settle
        cpu0 = fxCpu();
        double[] floor = framesWhile(Duration.ofSeconds(3), () -> toggleVeil(true));
        String floorCpu = cpuPerFrame(cpu0, fxCpu(), floor.length);
        cpu0 = fxCpu();
        double[] recompose = framesWhile(Duration.ofSeconds(3), () -> toggleVeil(false));
        String recomposeCpu = cpuPerFrame(cpu0, fxCpu(), recompose.length);
        cpu0 = fxCpu();
        double[] repaint =
                framesWhile(Duration.ofSeconds(3), () -> view.lineage().canvas().fit());
        String repaintCpu = cpuPerFrame(cpu0, fxCpu(), repaint.length);

        System.out.printf(
                Locale.ROOT,
                "project: %s, %d nodes drawn as the whole project; %d node events in %.1f s (%.0f/s)%n",
                project,
                context.main().lineage().layoutProperty().get().projection().itemCount(),
                sent,
                elapsed,
                sent / elapsed);
        report("FX pulse under the events (pulse logger)", logged);
        report("pulse → frame reported on the FX thread", pulse);
        report("FX task wait, idle", idleWait);
        report("FX task wait, under the events", loadedWait);
        report("fixed: one pixel changed (a frame's floor)", floor);
        report("fixed: canvas area recomposed, nothing redrawn", recompose);
        report("fixed: canvas repainted in full, every pulse", repaint);
        // CPU time per frame does not grow when other processes compete for the cores, as the wall-clock pulse does
        System.out.printf(
                Locale.ROOT,
                "CPU per frame (FX thread + renderer): under the events %s; one pixel %s; recomposed %s; repainted %s%n",
                eventsCpu,
                floorCpu,
                recomposeCpu,
                repaintCpu);
        System.out.printf(
                Locale.ROOT,
                "frames rendered under the events: %d (%.1f/s); task wait median ratio loaded/idle %.2f%n",
                pulse.length,
                pulse.length / elapsed,
                median(loadedWait) / Math.max(1e-3, median(idleWait)));
    }

    /**
     * Events at a steady rate: a node starts and, 50 events later, finishes (success or error); the nodes still
     * running at the end finish right after.
     */
    private static void feed(RunViewModel run, List<Node> nodes, int rate, int seconds) {
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        for (long k = 0; k < total; k++) {
            long due = start + k * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (k % 2 == 0) {
                Node node = nth(nodes, k / 2);
                run.enqueue(new RunEvent.NodeStarted(
                        node.id().value(),
                        node.name(),
                        node.type().dbtName(),
                        Instant.now(),
                        node.name() + " started"));
            } else if (k / 2 >= RUNNING_AT_ONCE) {
                finish(run, nodes, k / 2 - RUNNING_AT_ONCE, k % 10 == 1);
            }
        }
        for (long j = Math.max(0, total / 2 - RUNNING_AT_ONCE); j < total / 2; j++) {
            finish(run, nodes, j, false);
        }
    }

    private static Node nth(List<Node> nodes, long j) {
        return nodes.get((int) (j * 7919 % nodes.size()));
    }

    private static void finish(RunViewModel run, List<Node> nodes, long j, boolean error) {
        Node node = nth(nodes, j);
        run.enqueue(new RunEvent.NodeFinished(
                node.id().value(),
                node.name(),
                node.type().dbtName(),
                error ? "error" : "success",
                Duration.ofMillis(40),
                Instant.now(),
                node.name() + " finished"));
    }

    /** Frames rendered while {@code eachPulse} runs in every pulse's animation phase for {@code length}. */
    private double[] framesWhile(Duration length, Runnable eachPulse) throws Exception {
        AnimationTimer driver = onFx(() -> {
            var timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    eachPulse.run();
                }
            };
            timer.start();
            return timer;
        });
        Thread.sleep(200);
        pulses.clear();
        recording = true;
        Thread.sleep(length.toMillis());
        recording = false;
        onFx(() -> {
            driver.stop();
            return null;
        });
        return pulses.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * CPU nanoseconds so far of the FX application thread and of the Prism render thread (through java.management,
     * reached reflectively: the app module does not read it).
     */
    private static long[] fxCpu() throws ReflectiveOperationException {
        Object threads = Class.forName("java.lang.management.ManagementFactory")
                .getMethod("getThreadMXBean")
                .invoke(null);
        Method cpuTime = Class.forName("java.lang.management.ThreadMXBean").getMethod("getThreadCpuTime", long.class);
        long[] cpu = new long[2];
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (name.equals("JavaFX Application Thread")) {
                cpu[0] += (long) cpuTime.invoke(threads, thread.threadId());
            } else if (name.startsWith("QuantumRenderer")) {
                cpu[1] += (long) cpuTime.invoke(threads, thread.threadId());
            }
        }
        return cpu;
    }

    private static String cpuPerFrame(long[] before, long[] after, int frames) {
        int n = Math.max(1, frames);
        return String.format(Locale.ROOT, "%.1f + %.1f ms", ms(after[0] - before[0]) / n, ms(after[1] - before[1]) / n);
    }

    /** Marks the canvas's area (or its first pixel) dirty without changing what it shows. */
    private void toggleVeil(boolean onePixel) {
        var canvas = view.lineage().canvas();
        Bounds bounds = canvas.localToScene(canvas.getLayoutBounds());
        veil.relocate(bounds.getMinX(), bounds.getMinY());
        veil.setWidth(onePixel ? 1 : bounds.getWidth());
        veil.setHeight(onePixel ? 1 : bounds.getHeight());
        veil.setFill(veil.getFill().equals(Color.TRANSPARENT) ? Color.rgb(0, 0, 0, 0.004) : Color.TRANSPARENT);
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
