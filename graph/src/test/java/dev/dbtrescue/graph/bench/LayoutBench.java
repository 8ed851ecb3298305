// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.bench;

import com.mxgraph.layout.hierarchical.mxHierarchicalLayout;
import com.mxgraph.model.mxGeometry;
import com.mxgraph.model.mxIGraphModel;
import com.mxgraph.util.mxPoint;
import com.mxgraph.view.mxGraph;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.layout.LayeredLayout;
import dev.dbtrescue.graph.layout.LayoutGraph;
import dev.dbtrescue.graph.layout.LayoutGraphs;
import dev.dbtrescue.graph.layout.LayoutOptions;
import dev.dbtrescue.graph.layout.LayoutResult;
import dev.dbtrescue.graph.manifest.ManifestReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.swing.SwingConstants;

/**
 * Benchmark for ADR 0008: our {@link LayeredLayout} against JGraphX's {@code mxHierarchicalLayout} on the demo
 * project and the generated 15,000-model project, with and without test nodes (the app hides tests by default): time
 * (median and min of the measured runs, after warm-ups) and crossings by one {@link CrossingMetric} for both engines.
 * Subsets are induced subgraphs of the first N nodes reached by a breadth-first walk (both directions) from the node
 * of highest degree, because the first N in topological order are only the project's 8,000 sources; focused graphs are the 2-level upstream
 * and downstream neighbourhoods of the 5 nodes of highest degree. Our time includes building the {@link LayoutGraph};
 * JGraphX's includes filling its model (all cells in one update). Besides wall time it prints the median CPU time of
 * the JVM (GC and JIT included), which other processes on a shared machine do not inflate.
 *
 * <p>Arguments: [LARGE_MANIFEST] [JGRAPHX_CAP_SECONDS]. Run it through {@code scripts/bench-layout}.
 */
public final class LayoutBench {

    private static final LayoutOptions OPTIONS = LayoutOptions.DEFAULT;
    private static final int RUNS = 7;
    private static final int WARMUPS = 3;

    /** One graph to lay out, with the lineage indices of its nodes. */
    private record Case(String label, LayoutGraph graph) {}

    /** One engine's drawing and, for ours, its own crossing count. */
    private record Outcome(CrossingMetric.Drawing drawing, long ownCrossings, double width, double height) {}

    private LayoutBench() {}

    public static void main(String[] args) throws Exception {
        Path large = Path.of(
                args.length > 0
                        ? args[0]
                        : System.getProperty("user.home")
                                + "/.cache/dbt-rescue/large-project-N15000-s42/target/manifest.json");
        long capSeconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
        LineageGraph demo = lineage(Fixtures.demo("failed-build").resolve("manifest.json"));
        LineageGraph project = lineage(large);
        System.out.printf(
                Locale.ROOT,
                "demo: %d nodes, %d edges; large: %d nodes, %d edges; %d cores, java %s%n",
                demo.size(),
                demo.edgeCount(),
                project.size(),
                project.edgeCount(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        header();
        List<Case> jgraphxCases = new ArrayList<>();
        for (boolean withTests : new boolean[] {true, false}) {
            String variant = withTests ? "all" : "no tests";
            int[] demoOrder = order(demo, withTests);
            int[] order = order(project, withTests);
            List<Case> cases = new ArrayList<>();
            cases.add(new Case(
                    "demo " + variant, LayoutGraphs.induced(demo, demoOrder).graph()));
            for (int n : new int[] {200, 500, 2_000, 5_000}) {
                cases.add(new Case(
                        "ball " + n + " " + variant,
                        LayoutGraphs.induced(project, ball(project, order, n)).graph()));
            }
            cases.add(new Case(
                    "full " + variant, LayoutGraphs.induced(project, order).graph()));
            if (!withTests) {
                cases.addAll(focused(project, order));
            }
            for (Case c : cases) {
                measure("ours", c, () -> ours(c.graph()));
                if (c.graph().nodeCount() <= 2_000) {
                    jgraphxCases.add(c);
                }
            }
        }
        jgraphxCases.sort(
                (a, b) -> Integer.compare(a.graph().nodeCount(), b.graph().nodeCount()));
        runJGraphX(jgraphxCases, capSeconds);
        System.exit(0); // a JGraphX run past the cap may still be computing on its daemon thread
    }

    private static LineageGraph lineage(Path manifest) throws Exception {
        return LineageGraph.of(new ManifestReader().read(manifest).nodes().values());
    }

    /** Topological order, without test nodes unless asked. */
    private static int[] order(LineageGraph lineage, boolean withTests) {
        return Arrays.stream(lineage.topologicalIndices())
                .filter(v -> withTests || !isTest(lineage, v))
                .toArray();
    }

    private static boolean isTest(LineageGraph lineage, int v) {
        NodeType type = lineage.nodeAt(v).type();
        return type == NodeType.TEST || type == NodeType.UNIT_TEST;
    }

    /** The first {@code size} shown nodes a breadth-first walk over parents and children reaches from the busiest. */
    private static BitSet ball(LineageGraph lineage, int[] shownOrder, int size) {
        BitSet shown = new BitSet(lineage.size());
        Arrays.stream(shownOrder).forEach(shown::set);
        int start = Arrays.stream(shownOrder)
                .boxed()
                .max((a, b) -> Integer.compare(degree(lineage, a, shown), degree(lineage, b, shown)))
                .orElseThrow();
        BitSet reached = new BitSet(lineage.size());
        int[] queue = new int[lineage.size()];
        int tail = 0;
        queue[tail++] = start;
        reached.set(start);
        for (int head = 0; head < tail && tail < size; head++) {
            for (int[] next : List.of(lineage.parentIndices(queue[head]), lineage.childIndices(queue[head]))) {
                for (int v : next) {
                    if (tail < size && shown.get(v) && !reached.get(v)) {
                        reached.set(v);
                        queue[tail++] = v;
                    }
                }
            }
        }
        return reached;
    }

    /** The 2-level up- and downstream neighbourhoods of the 5 shown nodes with the most shown neighbours. */
    private static List<Case> focused(LineageGraph lineage, int[] shownOrder) {
        BitSet shown = new BitSet(lineage.size());
        Arrays.stream(shownOrder).forEach(shown::set);
        Integer[] byDegree = Arrays.stream(shownOrder).boxed().toArray(Integer[]::new);
        Arrays.sort(byDegree, (a, b) -> Integer.compare(degree(lineage, b, shown), degree(lineage, a, shown)));
        List<Case> cases = new ArrayList<>();
        for (int k = 0; k < 5 && k < byDegree.length; k++) {
            BitSet root = new BitSet();
            root.set(byDegree[k]);
            BitSet hood = lineage.ancestors(root, 2);
            hood.or(lineage.descendants(root, 2));
            hood.set(byDegree[k]);
            hood.and(shown);
            cases.add(new Case(
                    "focus " + shortName(lineage, byDegree[k]),
                    LayoutGraphs.induced(lineage, hood).graph()));
        }
        return cases;
    }

    private static String shortName(LineageGraph lineage, int v) {
        String id = lineage.nodeAt(v).id().value();
        return id.substring(id.lastIndexOf('.') + 1);
    }

    private static int degree(LineageGraph lineage, int v, BitSet shown) {
        return (int) (IntStream.of(lineage.parentIndices(v)).filter(shown::get).count()
                + IntStream.of(lineage.childIndices(v)).filter(shown::get).count());
    }

    private static Outcome ours(LayoutGraph graph) {
        int[] sources = new int[graph.edgeCount()];
        int[] targets = new int[graph.edgeCount()];
        for (int e = 0; e < graph.edgeCount(); e++) {
            sources[e] = graph.edgeSource(e);
            targets[e] = graph.edgeTarget(e);
        }
        // rebuild from the edge arrays, as the app will, so that the time includes the cycle check
        LayoutResult result = new LayeredLayout(OPTIONS).layout(LayoutGraph.of(graph.nodeCount(), sources, targets));
        double[] x = new double[graph.nodeCount()];
        double[] y = new double[graph.nodeCount()];
        for (int v = 0; v < x.length; v++) {
            x[v] = result.x(v);
            y[v] = result.y(v);
        }
        double[][] bends = new double[graph.edgeCount()][];
        for (int e = 0; e < bends.length; e++) {
            double[] p = result.edgePoints(e);
            bends[e] = Arrays.copyOfRange(p, 2, p.length - 2);
        }
        return new Outcome(
                new CrossingMetric.Drawing(x, y, sources, targets, bends),
                result.crossings(),
                result.width(),
                result.height());
    }

    private static Outcome jgraphx(LayoutGraph input) {
        mxGraph graph = new mxGraph();
        Object parent = graph.getDefaultParent();
        mxIGraphModel model = graph.getModel();
        int n = input.nodeCount();
        Object[] vertices = new Object[n];
        Object[] edges = new Object[input.edgeCount()];
        model.beginUpdate();
        try {
            for (int v = 0; v < n; v++) {
                vertices[v] = graph.insertVertex(parent, null, null, 0, 0, OPTIONS.nodeWidth(), OPTIONS.nodeHeight());
            }
            for (int e = 0; e < edges.length; e++) {
                edges[e] = graph.insertEdge(
                        parent, null, null, vertices[input.edgeSource(e)], vertices[input.edgeTarget(e)]);
            }
        } finally {
            model.endUpdate();
        }
        mxHierarchicalLayout layout = new mxHierarchicalLayout(graph, SwingConstants.WEST);
        layout.setInterRankCellSpacing(OPTIONS.layerGap()); // the gap between ranks, as our layerGap
        layout.setIntraCellSpacing(OPTIONS.nodeGap());
        layout.execute(parent);
        return drawing(input, model, vertices, edges);
    }

    private static Outcome drawing(LayoutGraph input, mxIGraphModel model, Object[] vertices, Object[] edges) {
        int n = vertices.length;
        double[] x = new double[n];
        double[] y = new double[n];
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < n; v++) {
            mxGeometry g = model.getGeometry(vertices[v]);
            x[v] = g.getCenterX();
            y[v] = g.getCenterY();
            minX = Math.min(minX, g.getX());
            minY = Math.min(minY, g.getY());
            maxX = Math.max(maxX, g.getX() + g.getWidth());
            maxY = Math.max(maxY, g.getY() + g.getHeight());
        }
        int[] sources = new int[edges.length];
        int[] targets = new int[edges.length];
        double[][] bends = new double[edges.length][];
        for (int e = 0; e < edges.length; e++) {
            sources[e] = input.edgeSource(e);
            targets[e] = input.edgeTarget(e);
            List<mxPoint> points = model.getGeometry(edges[e]).getPoints();
            List<mxPoint> list = points == null ? List.of() : points;
            bends[e] = new double[2 * list.size()];
            for (int k = 0; k < list.size(); k++) {
                bends[e][2 * k] = list.get(k).getX();
                bends[e][2 * k + 1] = list.get(k).getY();
            }
        }
        return new Outcome(new CrossingMetric.Drawing(x, y, sources, targets, bends), -1, maxX - minX, maxY - minY);
    }

    private static void runJGraphX(List<Case> cases, long capSeconds) throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jgraphx");
            t.setDaemon(true);
            return t;
        });
        for (Case c : cases) {
            Future<Outcome> first = worker.submit(() -> jgraphx(c.graph()));
            long t0 = System.nanoTime();
            try {
                first.get(capSeconds, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                System.out.printf(
                        Locale.ROOT,
                        "%-9s %-46s %6d %6d   > %d s cap: not measured, nor anything larger%n",
                        "jgraphx",
                        c.label(),
                        c.graph().nodeCount(),
                        c.graph().edgeCount(),
                        capSeconds);
                return;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int runs = seconds * RUNS > 4 * capSeconds ? 3 : RUNS;
            int warmups = seconds > 5 ? 0 : WARMUPS - 1;
            Future<?> rest = worker.submit(() -> measure("jgraphx", c, () -> jgraphx(c.graph()), warmups, runs));
            rest.get();
        }
        worker.shutdown();
    }

    private static void measure(String engine, Case c, Supplier<Outcome> run) {
        measure(engine, c, run, WARMUPS, RUNS);
    }

    private static void measure(String engine, Case c, Supplier<Outcome> run, int warmups, int runs) {
        for (int i = 0; i < warmups; i++) {
            run.get();
        }
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        Outcome outcome = null;
        for (int i = 0; i < runs; i++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            outcome = run.get();
            times.add((System.nanoTime() - t0) / 1e6);
            cpu.add((processCpuNanos() - c0) / 1e6);
        }
        Collections.sort(times);
        Collections.sort(cpu);
        System.out.printf(
                Locale.ROOT,
                "%-9s %-46s %6d %6d %10.1f %10.1f %10.1f %4d %12d %12s %9.0f x %-9.0f%n",
                engine,
                c.label(),
                c.graph().nodeCount(),
                c.graph().edgeCount(),
                times.get(times.size() / 2),
                times.get(0),
                cpu.get(cpu.size() / 2),
                runs,
                CrossingMetric.count(outcome.drawing()),
                outcome.ownCrossings() < 0 ? "-" : Long.toString(outcome.ownCrossings()),
                outcome.width(),
                outcome.height());
    }

    /** CPU time of the whole JVM (all its threads, GC and JIT included), which other processes do not inflate. */
    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    private static void header() {
        System.out.printf(
                Locale.ROOT,
                "%-9s %-46s %6s %6s %10s %10s %10s %4s %12s %12s %21s%n",
                "engine",
                "graph",
                "nodes",
                "edges",
                "median ms",
                "min ms",
                "cpu ms",
                "runs",
                "crossings",
                "own count",
                "drawing w x h");
    }
}
