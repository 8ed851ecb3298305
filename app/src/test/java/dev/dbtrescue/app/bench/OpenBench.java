// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.bench;

import static dev.dbtrescue.app.bench.FxBench.ms;
import static dev.dbtrescue.app.bench.FxBench.onFx;
import static dev.dbtrescue.app.bench.FxBench.report;

import dev.dbtrescue.app.AppContext;
import dev.dbtrescue.app.MainView;
import dev.dbtrescue.app.lineage.LineageLayout;
import dev.dbtrescue.app.lineage.NodeSelection;
import dev.dbtrescue.app.lineage.Preset;
import dev.dbtrescue.app.project.AppFolders;
import dev.dbtrescue.app.settings.WindowSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Benchmark: the real window opening a generated large project, headless on the software pipeline. Prints time to
 * first frame, layout time, pan frames on the real whole-project layout (the key press to the frame shown, and the
 * frame's own cost from its pulse), and selector highlight times, as medians.
 * Usage: {@code OpenBench PROJECT_DIR SELECTORS_FILE [RUNS]}.
 */
public final class OpenBench {

    private static PulseLog pulseLog;

    private final AtomicLong lastFrame = new AtomicLong();
    /** Set after a pan step was applied; the next pulse records its start in {@link #panPulse}. */
    private final AtomicBoolean panApplied = new AtomicBoolean();

    private final AtomicLong panPulse = new AtomicLong();
    /**
     * Records the pulse that paints a pan step. It runs only while panning: a running timer makes a pulse of every
     * frame, which would change what the open and highlight timings measure. The canvas restarts its own painter after
     * each step, so this timer runs first in the pulse's animation phase.
     */
    private final AnimationTimer panPulses = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (panApplied.compareAndSet(true, false)) {
                panPulse.set(System.nanoTime());
            }
        }
    };

    /** The open's steps shown in the window, with their time after the open began (FX thread). */
    private final List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile long openStart;
    private AppContext context;
    private CompletableFuture<Integer> warmUp = CompletableFuture.completedFuture(0);
    private MainView view;

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        List<String> selectors = Files.readAllLines(Path.of(args[1])).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.contains("state:"))
                .toList();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        pulseLog = PulseLog.install();
        var started = new CompletableFuture<Void>();
        Platform.startup(() -> started.complete(null));
        started.get();
        int exit = 0;
        try {
            new OpenBench().run(project, selectors, runs);
        } catch (Exception | Error e) {
            pulseLog.console()
                    .println("bench-open failed: " + e + (e.getCause() == null ? "" : "\n  caused by " + e.getCause()));
            exit = 1;
        } finally {
            Platform.exit();
        }
        System.exit(exit); // JavaFX's threads would keep a failed run alive
    }

    private void run(Path project, List<String> selectors, int runs) throws Exception {
        Path home = Files.createTempDirectory("dbt-rescue-bench");
        onFx(() -> {
            context = AppContext.create(AppFolders.under(home), Platform::runLater);
            view = new MainView(context.main(), context.executors().raster());
            var stage = new Stage();
            var scene = new Scene(view, 1600, 1000);
            // the shipped look: Primer Light and the app's stylesheet, as LineageApp sets them
            WindowSettings.applyTheme(false);
            scene.getStylesheets().add(WindowSettings.STYLESHEET);
            FxBench.onRenderedFrame(scene, () -> lastFrame.set(System.nanoTime()));
            context.main().open().stepProperty().addListener((obs, was, now) -> {
                if (!now.isEmpty()) {
                    steps.add(String.format(Locale.ROOT, "%.0f %s", ms(System.nanoTime() - openStart), now));
                }
            });
            stage.setScene(scene);
            stage.show();
            // as the app does when started without a project: the user chooses one while the opening code warms up
            warmUp = context.startWarmUp();
            return null;
        });
        // the first open comes once the warm-up is done, as a user's does who takes a second or two to choose
        long warmStart = System.nanoTime();
        int warmRounds = warmUp.join();
        System.out.printf(
                Locale.ROOT,
                "warm-up before the first open: %d rounds (-D%s=false turns it off), %.0f ms after the window showed%n",
                warmRounds,
                AppContext.WARM_UP_PROPERTY,
                ms(System.nanoTime() - warmStart));
        double[] open = new double[runs];
        double[] firstFrame = new double[runs];
        double[] layout = new double[runs];
        double[] wholeFrame = new double[runs];
        double[] wholeLayout = new double[runs];
        double[] baseline = new double[runs];
        double[] ratio = new double[runs];
        int items = 0;
        for (int r = 0; r < runs; r++) {
            // each open starts in an idle window, as a user's does: the previous project's presets are done
            waitUntil(this::idle);
            baseline[r] = tokenise(project.resolve("target/manifest.json"));
            LineageLayout before = context.main().lineage().layoutProperty().get();
            long stolenBefore = stolenJiffies();
            long t0 = System.nanoTime();
            openStart = t0;
            steps.clear();
            onFx(() -> {
                context.main().open().openFolder(project, Optional.empty());
                return null;
            });
            try {
                waitUntil(() -> context.main().lineage().layoutProperty().get() != before);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(
                        "no layout: open error '"
                                + context.main().open().errorProperty().get()
                                + "', step '"
                                + context.main().open().stepProperty().get() + "', lineage '"
                                + context.main().lineage().statusTextProperty().get() + "'",
                        e);
            }
            long published = System.nanoTime();
            waitUntil(() -> lastFrame.get() > published);
            firstFrame[r] = ms(lastFrame.get() - t0);
            open[r] = ms(published - t0);
            ratio[r] = firstFrame[r] / baseline[r];
            long stolen = stolenJiffies() - stolenBefore;
            // where the time to the first frame goes: the loader's steps as the window shows them (ms after the open)
            System.out.printf(
                    Locale.ROOT,
                    "open %d: %s; layout published %.0f; first frame %.0f; baseline (Jackson tokenising the manifest,"
                            + " one thread, just before) %.0f, ratio %.2f; CPU time taken by the host during the open"
                            + " %s%n",
                    r + 1,
                    String.join(", ", steps),
                    open[r],
                    firstFrame[r],
                    baseline[r],
                    ratio[r],
                    stolenBefore < 0
                            ? "unknown"
                            : String.format(
                                    Locale.ROOT,
                                    "%.0f%%",
                                    100.0
                                            * stolen
                                            / (firstFrame[r]
                                                    / 10.0
                                                    * Runtime.getRuntime().availableProcessors())));
            layout[r] = context.main().lineage().layoutProperty().get().layoutMillis();
            LineageLayout scoped = context.main().lineage().layoutProperty().get();
            waitUntil(this::idle);
            long t1 = System.nanoTime();
            onFx(() -> {
                context.main().lineage().showWholeProject();
                return null;
            });
            waitUntil(() -> context.main().lineage().layoutProperty().get() != scoped);
            long wholePublished = System.nanoTime();
            waitUntil(() -> lastFrame.get() > wholePublished);
            wholeFrame[r] = ms(lastFrame.get() - t1);
            wholeLayout[r] = context.main().lineage().layoutProperty().get().layoutMillis();
            items = context.main().lineage().layoutProperty().get().projection().itemCount();
        }
        System.out.printf(Locale.ROOT, "project: %s, whole-project items drawn: %d%n", project, items);
        System.out.printf(
                Locale.ROOT,
                "first open in this JVM (after the warm-up, if on): first frame %.1f ms, whole project first frame %.1f"
                        + " ms%n",
                firstFrame[0],
                wholeFrame[0]);
        // the first open also compiles the code paths (JIT): reported above; medians are over the later runs
        int from = runs > 1 ? 1 : 0;
        report("open → layout published (neighbourhood)", Arrays.copyOfRange(open, from, runs));
        report("open → first frame (neighbourhood)", Arrays.copyOfRange(firstFrame, from, runs));
        report("baseline: Jackson tokenising the manifest, one thread", Arrays.copyOfRange(baseline, from, runs));
        System.out.printf(
                Locale.ROOT,
                "ratio first frame / baseline, median %.2f%n",
                median(Arrays.copyOfRange(ratio, from, runs)));
        report("layout (neighbourhood)", Arrays.copyOfRange(layout, from, runs));
        report("whole project → first frame", Arrays.copyOfRange(wholeFrame, from, runs));
        report("whole project layout", Arrays.copyOfRange(wholeLayout, from, runs));
        double[][] panned = pan(60);
        report("pan key → frame shown, whole project", panned[0]);
        report("pan frame (pulse → frame), whole project", panned[1]);
        report("pan frame (pulse logger), whole project", panned[2]);
        report("selector keystroke pause → highlighted frame", highlight(selectors));
    }

    /** The median as {@link FxBench#report} takes it. */
    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The same-process baseline each open is compared with: Jackson tokenising the manifest, keeping nothing. */
    private static double tokenise(Path manifest) throws java.io.IOException {
        long t0 = System.nanoTime();
        long tokens = 0;
        try (var parser = new com.fasterxml.jackson.core.JsonFactory().createParser(manifest.toFile())) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        if (tokens == 0) {
            throw new IllegalStateException("no tokens in " + manifest);
        }
        return ms(System.nanoTime() - t0);
    }

    /**
     * CPU time the hypervisor gave to others while this machine wanted it ("steal" in /proc/stat, 1/100 s), or -1
     * where that is not known: a disturbed open shows here.
     */
    private static long stolenJiffies() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(cpu[8]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** No background work of the window is running: the layout is published and the presets are counted. */
    private boolean idle() throws Exception {
        return onFx(() -> context.main().sessionProperty().get() == null
                || (!context.main().lineage().busyProperty().get()
                        && context.main()
                                .selection()
                                .presetLabelProperty(Preset.FAILED)
                                .get()
                                .endsWith(")")));
    }

    /**
     * Pan steps on the whole project. Returns, per step, the key press to the frame that shows it (what the user waits,
     * including the wait for the next pulse) and the frame's own cost: the start of the pulse that paints the step to
     * that frame rendered, as the recolouring benchmark measures its pulses; and the pulses JavaFX's pulse logger
     * timed while panning (the pan steps' and any repaint after a sharper edge raster arrived).
     */
    private double[][] pan(int steps) throws Exception {
        onFx(() -> {
            var canvas = view.lineage().canvas();
            canvas.fit();
            // the whole project is a tall strip (8,000 sources on the first layer): zoom in until it is about half
            // the view wide, so that every pan step moves nodes, edges and labels, not empty background
            canvas.zoomBy(20, canvas.getWidth() / 2, canvas.getHeight() / 2);
            canvas.requestFocus();
            panPulses.start();
            return null;
        });
        Thread.sleep(500);
        pulseLog.start();
        double[] latency = new double[steps];
        double[] frame = new double[steps];
        for (int i = 0; i < steps; i++) {
            KeyCode key = (i / 10) % 2 == 0 ? KeyCode.DOWN : KeyCode.UP;
            panPulse.set(0);
            long t0 = System.nanoTime();
            onFx(() -> {
                var canvas = view.lineage().canvas();
                canvas.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, false, false, false, false));
                panApplied.set(true);
                return null;
            });
            waitUntil(() -> panPulse.get() != 0 && lastFrame.get() > panPulse.get());
            latency[i] = ms(lastFrame.get() - t0);
            frame[i] = ms(lastFrame.get() - panPulse.get());
            Thread.sleep(30); // the window idle again: no frame of the previous step is still being rendered
        }
        double[] logged = pulseLog.stop();
        onFx(() -> {
            panPulses.stop();
            return null;
        });
        return new double[][] {latency, frame, logged};
    }

    private double[] highlight(List<String> selectors) throws Exception {
        List<Double> times = new ArrayList<>();
        for (String selector : selectors.subList(0, Math.min(20, selectors.size()))) {
            var selection = context.main().selection();
            NodeSelection before = selection.selectionProperty().get();
            var errorBefore = selection.selectorErrorProperty().get();
            long t0 = System.nanoTime();
            String[] parts = selector.split(" --exclude ", 2);
            onFx(() -> {
                selection.excludeTextProperty().set(parts.length > 1 ? parts[1] : "");
                selection.selectTextProperty().set(parts[0]);
                selection.previewSelector();
                return null;
            });
            waitUntil(() -> selection.selectionProperty().get() != before
                    || !selection.selectorErrorProperty().get().equals(errorBefore));
            long done = System.nanoTime();
            waitUntil(() -> lastFrame.get() > done);
            times.add(ms(lastFrame.get() - t0));
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        FxBench.waitUntil(condition, Duration.ofMillis(1), Duration.ofSeconds(120));
    }
}
