// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage.canvas;

import static dev.dbtrescue.app.bench.FxBench.ms;
import static dev.dbtrescue.app.bench.FxBench.onFx;
import static dev.dbtrescue.app.bench.FxBench.report;

import dev.dbtrescue.app.bench.FxBench;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Benchmark of {@link LineageCanvas} on the software pipeline, headless: a synthetic layered DAG (15,000 nodes, about
 * 30,000 edges, 10 layers) in a 1600x1000 window, at full-project zoom and at label zoom. Reports: the latency from a
 * pan step on the FX thread until Prism has rendered the frame (includes waiting for the next pulse), the
 * pulse-to-pulse interval while panning on every pulse, the FX-thread paint time, and the time from a zoom step until
 * the sharp re-rasterised edge frame is rendered. Run with scripts/bench-render.
 */
public final class RenderBench {

    private static final int PAN_STEPS = 60;
    private static final int ZOOM_STEPS = 15;

    private final ConcurrentLinkedDeque<Long> rendered = new ConcurrentLinkedDeque<>();
    private final ExecutorService rasterExecutor = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "edge-raster");
        thread.setDaemon(true);
        return thread;
    });
    private LineageCanvas canvas;
    private volatile long lastPaintEnd;
    private volatile long lastSharpPaintEnd;

    public static void main(String[] args) throws Exception {
        for (String[] property : new String[][] {
            {"glass.platform", "Monocle"},
            {"monocle.platform", "Headless"},
            {"prism.order", "sw"},
            {"prism.text", "t2k"},
            {"headless.geometry", "1920x1200-32"}
        }) {
            if (System.getProperty(property[0]) == null) {
                System.setProperty(property[0], property[1]);
            }
        }
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 15_000;
        var startup = new CompletableFuture<Void>();
        Platform.startup(() -> startup.complete(null));
        startup.get();
        new RenderBench().run(Scenes.layered(nodes, 10, 42));
        Platform.exit();
        System.exit(0);
    }

    private void run(CanvasScene scene) throws Exception {
        System.out.printf(
                Locale.ROOT,
                "scene: %,d nodes, %,d edges, world %.0f x %.0f, window 1600x1000, prism.order=%s%n",
                scene.nodeCount(),
                scene.edgeCount(),
                scene.worldWidth(),
                scene.worldHeight(),
                System.getProperty("prism.order"));
        onFx(() -> {
            canvas = new LineageCanvas(rasterExecutor);
            var fxScene = new Scene(canvas, 1600, 1000);
            var stage = new Stage();
            stage.setScene(fxScene);
            stage.show();
            trackRenderedFrames(fxScene);
            canvas.onViewChanged(() -> {
                lastPaintEnd = System.nanoTime();
                if (canvas.edgesSharp()) {
                    lastSharpPaintEnd = lastPaintEnd;
                }
            });
            long t0 = System.nanoTime();
            canvas.setScene(scene, look(scene));
            canvas.fit();
            System.out.printf(Locale.ROOT, "setScene + setLook (index build): %.1f ms%n", ms(System.nanoTime() - t0));
            return null;
        });
        waitUntil(() -> onFx(canvas::edgesSharp));
        measure("full project (fit)", () -> null);
        measure("overview, nodes 6 px tall", () -> {
            canvas.centerOn(scene.nodeCount() / 2 + 700);
            canvas.zoomBy(6 / Detail.READABLE_PX, 800, 500);
            return null;
        });
        measure("boxes, nodes 12 px tall", () -> {
            canvas.zoomBy(2, 800, 500);
            return null;
        });
        measure("label zoom", () -> {
            canvas.centerOn(scene.nodeCount() / 2);
            return null;
        });
        rasterExecutor.shutdownNow();
    }

    private static NodeLook look(CanvasScene scene) {
        NodeLook look = NodeLook.uniform(scene.nodeCount(), NodeStatus.SUCCESS);
        NodeStatus[] all = NodeStatus.values();
        for (int i = 0; i < scene.nodeCount(); i += 7) {
            look.status()[i] = all[i % all.length];
            look.badges()[i] = "✓4 ✗1";
        }
        return look;
    }

    private void measure(String name, Supplier<Void> setUp) throws Exception {
        onFx(setUp::get);
        waitUntil(() -> onFx(canvas::edgesSharp));
        System.out.printf(
                Locale.ROOT,
                "%n== %s: zoom %.4f, detail %s%n",
                name,
                onFx(canvas::getZoom),
                onFx(() -> Detail.at(canvas.getZoom(), canvas.index().scene.nodeHeight())));
        panLatency(20); // warm-up
        zoomToSharp(4);
        double[][] pan = panLatency(PAN_STEPS);
        report("pan step -> frame rendered", pan[0]);
        report("pan: paint done -> frame rendered", pan[1]);
        report("pulse-to-pulse, panning every pulse", panEveryPulse(120));
        report("FX-thread paint", paintTimes(60));
        report("zoom step -> sharp frame rendered", zoomToSharp(ZOOM_STEPS));
    }

    private double[][] panLatency(int steps) throws Exception {
        var times = new double[steps];
        var renderOnly = new double[steps];
        for (int i = 0; i < steps; i++) {
            double dx = (i % 20 < 10 ? 1 : -1) * 40, dy = (i % 40 < 20 ? 1 : -1) * 25;
            long start = onFx(() -> {
                long t = System.nanoTime();
                canvas.panBy(dx, dy);
                return t;
            });
            long[] frame = frameRenderedAfter(() -> lastPaintEnd, start);
            times[i] = ms(frame[0] - start);
            renderOnly[i] = ms(frame[0] - frame[1]);
            Thread.sleep(30);
        }
        return new double[][] {times, renderOnly};
    }

    private double[] panEveryPulse(int pulses) throws Exception {
        var stamps = new long[pulses + 1];
        var done = new CompletableFuture<Void>();
        onFx(() -> {
            new AnimationTimer() {
                private int count;

                @Override
                public void handle(long now) {
                    stamps[count] = System.nanoTime();
                    if (++count > pulses) {
                        stop();
                        done.complete(null);
                        return;
                    }
                    canvas.panBy(count % 60 < 30 ? 12 : -12, count % 120 < 60 ? 8 : -8);
                }
            }.start();
            return null;
        });
        done.get();
        var intervals = new double[pulses];
        for (int i = 0; i < pulses; i++) {
            intervals[i] = ms(stamps[i + 1] - stamps[i]);
        }
        return intervals;
    }

    private double[] paintTimes(int count) throws Exception {
        var times = new double[count];
        for (int i = 0; i < count; i++) {
            int step = i;
            times[i] = onFx(() -> {
                canvas.panBy(step % 2 == 0 ? 5 : -5, 0);
                long t = System.nanoTime();
                canvas.paintNow();
                return ms(System.nanoTime() - t);
            });
        }
        return times;
    }

    private double[] zoomToSharp(int steps) throws Exception {
        var times = new double[steps];
        for (int i = 0; i < steps; i++) {
            double factor = i % 2 == 0 ? 1.25 : 0.8;
            long start = onFx(() -> {
                long t = System.nanoTime();
                canvas.zoomBy(factor, 800, 500);
                return t;
            });
            times[i] = ms(frameRenderedAfter(() -> lastSharpPaintEnd, start)[0] - start);
            Thread.sleep(30);
        }
        return times;
    }

    /**
     * Time of the first rendered frame after a paint (read from {@code paintEnd}) that ended after {@code since}, and
     * the time that paint ended.
     */
    private long[] frameRenderedAfter(Supplier<Long> paintEnd, long since) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            long painted = paintEnd.get();
            if (painted > since) {
                for (Long frame : rendered) {
                    if (frame > painted) {
                        return new long[] {frame, painted};
                    }
                }
            }
            Thread.sleep(0, 200_000);
        }
        throw new IllegalStateException("no frame rendered within 10 s");
    }

    private void trackRenderedFrames(Scene scene) {
        FxBench.onRenderedFrame(scene, () -> {
            rendered.addLast(System.nanoTime());
            while (rendered.size() > 2_000) {
                rendered.pollFirst();
            }
        });
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        FxBench.waitUntil(condition, Duration.ofMillis(5), Duration.ofSeconds(30));
    }
}
