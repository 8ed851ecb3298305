// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.bench;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.manifest.ProjectArtifacts;
import dev.dbtrescue.graph.plan.DurationEstimator;
import dev.dbtrescue.graph.plan.ExactSelectors;
import dev.dbtrescue.graph.plan.PlanOptions;
import dev.dbtrescue.graph.plan.PlanSource;
import dev.dbtrescue.graph.plan.RerunPlan;
import dev.dbtrescue.graph.plan.RerunPlanner;
import dev.dbtrescue.graph.plan.SplitMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsSubgraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Benchmark: plan 10,000 selected nodes of the generated large project in every split mode (limits 50 nodes and 30
 * minutes per batch, 8 threads, heavy threshold 30 minutes), commands included. Baseline in the same process: a
 * topological sort of the same nodes' induced subgraph with JGraphT, the least any planner must do.
 *
 * <p>Arguments: PROJECT_DIR [RUNS].
 */
public final class PlanBench {

    private PlanBench() {}

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        ProjectArtifacts artifacts = new ArtifactLoader().loadProject(project);
        LineageGraph graph = LineageGraph.of(artifacts.manifest().nodes().values());
        List<Double> indexTimes = new ArrayList<>();
        ExactSelectors selectors = null;
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            selectors = ExactSelectors.of(graph);
            for (Node node : graph.nodes()) {
                selectors.selectorFor(node.id());
            }
            indexTimes.add((System.nanoTime() - t0) / 1e6);
        }
        DurationEstimator times = DurationEstimator.fromHistory(artifacts.runResults());
        List<NodeId> selected = tenThousand(graph);
        long models = selected.stream()
                .filter(id -> graph.requireNode(id).type() == NodeType.MODEL)
                .count();
        System.out.printf(
                Locale.ROOT,
                "project %s: %d resources, %d edges; selected %d nodes (%d models, %d tests)%n",
                project,
                graph.size(),
                graph.edgeCount(),
                selected.size(),
                models,
                selected.size() - models);
        System.out.printf(
                Locale.ROOT,
                "exact selectors for all %d resources (once per loaded project): median %.1f ms%n",
                graph.size(),
                median(indexTimes));
        double baseline = median(time(runs, () -> topologicalSort(graph, selected)));
        System.out.printf(Locale.ROOT, "baseline (JGraphT induced-subgraph topological sort): %.1f ms%n", baseline);
        System.out.printf(
                Locale.ROOT,
                "%-8s %8s %10s %12s %10s %8s%n",
                "split",
                "batches",
                "median ms",
                "worst ms",
                "ratio",
                "est.");
        RerunPlanner planner = new RerunPlanner(selectors, times);
        PlanOptions options = PlanOptions.defaults()
                .withMaxNodes(50)
                .withMaxDuration(Duration.ofMinutes(30))
                .withThreads(8)
                .withHeavyThreshold(Duration.ofMinutes(30));
        PlanSource source = new PlanSource("bench", "unknown", Optional.empty(), "select", "*", "", Optional.empty());
        for (SplitMode split : SplitMode.values()) {
            PlanOptions o = options.withSplit(split);
            RerunPlan[] last = new RerunPlan[1];
            List<Double> t = time(runs, () -> last[0] = planner.plan(selected, o, source));
            System.out.printf(
                    Locale.ROOT,
                    "%-8s %8d %10.1f %12.1f %9.1fx %8s%n",
                    split.cliName(),
                    last[0].batches().size(),
                    median(t),
                    Collections.max(t),
                    median(t) / baseline,
                    dev.dbtrescue.graph.status.Durations.format(last[0].estimated()));
        }
    }

    /** Models from the bottom of the graph upwards, each with its tests, until 10,000 nodes. */
    private static List<NodeId> tenThousand(LineageGraph graph) {
        int[] topo = graph.topologicalIndices();
        BitSet chosen = new BitSet(graph.size());
        int count = 0;
        for (int k = topo.length - 1; k >= 0 && count < 10_000; k--) {
            int v = topo[k];
            if (graph.nodeAt(v).type() != NodeType.MODEL) {
                continue;
            }
            chosen.set(v);
            count++;
            for (int c : graph.childIndices(v)) {
                if (count < 10_000 && graph.nodeAt(c).type().isTest() && !chosen.get(c)) {
                    chosen.set(c);
                    count++;
                }
            }
        }
        List<NodeId> out = new ArrayList<>();
        chosen.stream().forEach(i -> out.add(graph.nodeAt(i).id()));
        return out;
    }

    private static List<NodeId> topologicalSort(LineageGraph graph, List<NodeId> selected) {
        Set<NodeId> vertices = new HashSet<>(selected);
        Graph<NodeId, DefaultEdge> sub = new AsSubgraph<>(graph.asGraph(), vertices);
        List<NodeId> out = new ArrayList<>(selected.size());
        new TopologicalOrderIterator<>(sub).forEachRemaining(out::add);
        return out;
    }

    /** A task that may throw. */
    private interface Task {
        Object run() throws Exception;
    }

    private static List<Double> time(int runs, Task task) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs + 3; i++) {
            long t0 = System.nanoTime();
            task.run();
            long t1 = System.nanoTime();
            if (i >= 3) {
                times.add((t1 - t0) / 1e6);
            }
        }
        return times;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
