// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.bench;

import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.bench.IncidentSubgraphs.IncidentCase;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.layout.LayoutGraph;
import dev.dbtrescue.graph.layout.LayoutResult;
import dev.dbtrescue.graph.status.LoadedProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Benchmark for ADR 0010: which layout draws the incident review picture. On the graphs the {@code report} command
 * draws (see {@link IncidentSubgraphs}): the demo's failed preset and whole project; from the generated
 * 15,000-model project the downstream pictures of single failures (20 to 150 nodes: no single failure there reaches
 * further) and of single stale sources (200 to 600 nodes), and its whole failed preset. It times our
 * {@code LayeredLayout} as IncidentPicture runs it and JGraphX's {@code mxHierarchicalLayout} (see
 * {@link ReviewEngines}) and measures their drawings the same way ({@link DrawingStats}, plus LayoutBench's
 * {@link CrossingMetric}); a third row measures our layout with its bends held across columns (routing only, so its
 * time is ours). Times are the median (and min) of {@value #RUNS} runs after {@value #WARMUPS} warm-ups; every run's
 * drawing is measured, and the row shows the one with the median drawn crossings (with the range if runs differ).
 *
 * <p>Arguments: [LARGE_PROJECT_DIR or -] [PICTURE_DIR or -] [JGRAPHX_CAP_SECONDS]. With a picture folder it also
 * writes JGraphX's SVG and PNG of the demo's failed preset and of the single-failure picture nearest 150 nodes
 * ({@link JGraphXPicture}), and prints that picture's selector. Run it through {@code scripts/bench-review-layout}.
 */
public final class ReviewLayoutBench {

    private static final int RUNS = 7;
    private static final int WARMUPS = 3;
    /** Single failures in the generated project have at most 149 nodes downstream in a picture. */
    private static final int[] FAILURE_SIZES = {20, 40, 75, 100, 150};
    /** Stale sources (the stale preset's freshness problems) reach further. */
    private static final int[] STALE_SIZES = {200, 300, 400, 500, 600};

    private static final int PICTURE_SIZE = 150;

    /** One engine on one graph: times and the measures of its drawing. */
    private record Row(
            IncidentCase graph,
            String engine,
            double medianMs,
            double minMs,
            int runs,
            DrawingStats.Stats stats,
            long minCrossings,
            long maxCrossings,
            long layerCrossings) {}

    private ReviewLayoutBench() {}

    public static void main(String[] args) throws Exception {
        Path large = args.length > 0 && !args[0].equals("-") ? Path.of(args[0]) : null;
        Path pictures = args.length > 1 && !args[1].equals("-") ? Path.of(args[1]) : null;
        long cap = args.length > 2 ? Long.parseLong(args[2]) : 120;
        List<IncidentCase> cases = new ArrayList<>();
        LoadedProject demo = IncidentSubgraphs.loadArtifacts(Fixtures.demo("failed-build"));
        cases.add(IncidentSubgraphs.of(
                "demo: failed preset",
                "",
                demo.status(),
                IncidentSubgraphs.presets(demo).failed().nodes()));
        cases.add(IncidentSubgraphs.of(
                "demo: whole project",
                "",
                demo.status(),
                demo.graph().nodes().stream().map(n -> n.id()).toList()));
        if (large != null && Files.exists(large.resolve("target/manifest.json"))) {
            LoadedProject project = IncidentSubgraphs.load(large);
            cases.addAll(IncidentSubgraphs.downstreamOf(
                    project, "failure", IncidentSubgraphs.failureRoots(project), FAILURE_SIZES));
            cases.addAll(IncidentSubgraphs.downstreamOf(
                    project, "stale source", IncidentSubgraphs.staleSources(project), STALE_SIZES));
            List<NodeId> failed = IncidentSubgraphs.presets(project).failed().nodes();
            cases.add(IncidentSubgraphs.of("15k project: failed preset", "", project.status(), failed));
        } else {
            System.out.println("no large project at " + large + ": only the demo is measured");
        }
        System.out.printf(
                Locale.ROOT,
                "%d cores, java %s, load average %s%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                loadAverage());
        List<Row> rows = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench");
            t.setDaemon(true);
            return t;
        });
        for (IncidentCase c : cases) {
            rows.addAll(ours(c));
            jgraphx(c, worker, cap).ifPresent(rows::add);
            System.out.println("measured " + c.label() + " (" + c.graph().nodeCount() + " nodes)");
        }
        System.out.printf(Locale.ROOT, "load average after: %s%n%n", loadAverage());
        print(rows);
        if (pictures != null) {
            writePictures(cases, pictures);
        }
        System.exit(0); // a JGraphX run past the cap may still be computing on its daemon thread
    }

    /** Our layout as drawn today, and the same layout with bends held across columns (same time: routing only). */
    private static List<Row> ours(IncidentCase c) {
        LayoutGraph g = c.graph();
        List<Object> results = time(() -> ReviewEngines.oursTimed().apply(g), WARMUPS, RUNS);
        List<ReviewEngines.Laid> drawings = new ArrayList<>();
        List<ReviewEngines.Laid> held = new ArrayList<>();
        for (int i = 1; i < results.size(); i++) {
            drawings.add(ReviewEngines.ours(g, (LayoutResult) results.get(i)));
            held.add(ReviewEngines.oursHeld(g, (LayoutResult) results.get(i)));
        }
        return List.of(row(c, "ours", results, drawings), row(c, "ours, held", results, held));
    }

    private static Optional<Row> jgraphx(IncidentCase c, ExecutorService worker, long capSeconds) throws Exception {
        LayoutGraph g = c.graph();
        Supplier<Object> run = () -> ReviewEngines.jgraphx(g, v -> null, v -> null);
        Future<Object> first = worker.submit(run::get);
        long t0 = System.nanoTime();
        try {
            first.get(capSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.out.printf(Locale.ROOT, "jgraphx on %s: over the %d s cap, not measured%n", c.label(), capSeconds);
            return Optional.empty();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        int runs = seconds > 10 ? 3 : RUNS;
        int warmups = seconds > 10 ? 0 : WARMUPS - 1;
        List<Object> results = worker.submit(() -> time(run, warmups, runs)).get();
        List<ReviewEngines.Laid> drawings = new ArrayList<>();
        for (int i = 1; i < results.size(); i++) {
            drawings.add(ReviewEngines.jgraphx(g, (ReviewEngines.JGraphXLayout) results.get(i)));
        }
        return Optional.of(row(c, "JGraphX", results, drawings));
    }

    /** Element 0 is a {@code double[]} of run times in ms (sorted); then each run's result. */
    private static List<Object> time(Supplier<Object> run, int warmups, int runs) {
        for (int i = 0; i < warmups; i++) {
            run.get();
        }
        List<Object> out = new ArrayList<>();
        double[] ms = new double[runs];
        out.add(ms);
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Object result = run.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            out.add(result);
        }
        Arrays.sort(ms);
        return out;
    }

    /** The row of a measured engine; the drawing reported is the one with the median drawn crossing count. */
    private static Row row(IncidentCase c, String engine, List<Object> results, List<ReviewEngines.Laid> drawings) {
        double[] ms = (double[]) results.get(0);
        List<DrawingStats.Stats> stats = new ArrayList<>();
        List<Long> layers = new ArrayList<>();
        for (ReviewEngines.Laid laid : drawings) {
            stats.add(DrawingStats.of(laid.drawing()));
            layers.add(CrossingMetric.count(laid.layers()));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < stats.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(i -> stats.get(i).crossings()));
        int median = order.get(order.size() / 2);
        long min = stats.get(order.getFirst()).crossings();
        long max = stats.get(order.getLast()).crossings();
        return new Row(c, engine, ms[ms.length / 2], ms[0], ms.length, stats.get(median), min, max, layers.get(median));
    }

    private static void print(List<Row> rows) {
        System.out.println("| graph | nodes | edges | engine | median ms (min) | drawn crossings | layer crossings"
                + " | edges through boxes | overlap (pt) | bends | edge length (pt) | width × height (pt) |");
        System.out.println("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            DrawingStats.Stats s = r.stats();
            String crossings = r.minCrossings() == r.maxCrossings()
                    ? Long.toString(s.crossings())
                    : s.crossings() + " (" + r.minCrossings() + "–" + r.maxCrossings() + ")";
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %s | %s (%s) | %s | %d | %d | %,.0f | %d | %,.0f | %,.0f × %,.0f |%n",
                    r.graph().label(),
                    r.graph().graph().nodeCount(),
                    r.graph().graph().edgeCount(),
                    r.engine(),
                    ms(r.medianMs()),
                    ms(r.minMs()),
                    crossings,
                    r.layerCrossings(),
                    s.throughBoxes(),
                    s.overlap(),
                    s.bends(),
                    s.length(),
                    s.width(),
                    s.height());
            if (s.backwardSegments() > 0) {
                System.out.println("  (" + s.backwardSegments() + " drawn segments go right to left)");
            }
        }
        System.out.println();
        for (Row r : rows) {
            if (r.engine().equals("ours") && !r.graph().selector().isEmpty()) {
                System.out.println(
                        "selector " + r.graph().label() + ": " + r.graph().selector());
            }
        }
    }

    /** The 1, 5 and 15 minute load averages on Linux (the module reads no java.management), else "unknown". */
    private static String loadAverage() {
        Path proc = Path.of("/proc/loadavg");
        try {
            return Files.exists(proc)
                    ? String.join(
                            " ",
                            Arrays.asList(Files.readString(proc).split(" ")).subList(0, 3))
                    : "unknown";
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String ms(double ms) {
        return ms < 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }

    private static void writePictures(List<IncidentCase> cases, Path dir) throws Exception {
        Files.createDirectories(dir);
        JGraphXPicture.write(cases.getFirst(), dir.resolve("demo-jgraphx"));
        List<IncidentCase> single = new ArrayList<>(
                cases.stream().filter(c -> !c.selector().isEmpty()).toList());
        if (!single.isEmpty()) {
            Collections.sort(
                    single, Comparator.comparingInt(c -> Math.abs(c.graph().nodeCount() - PICTURE_SIZE)));
            IncidentCase c = single.getFirst();
            JGraphXPicture.write(c, dir.resolve("large-jgraphx"));
            System.out.println("picture large-jgraphx: " + c.label() + " selector " + c.selector());
        }
    }
}
