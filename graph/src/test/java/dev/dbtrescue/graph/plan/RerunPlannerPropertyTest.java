// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.TestGraphs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The planner's invariants over random DAGs, selections, times and constraints. */
class RerunPlannerPropertyTest {

    /** One random planning problem. */
    record Scenario(LineageGraph graph, List<NodeId> selected, PlanOptions options, DurationEstimator times) {

        RerunPlan plan() throws PlanningException {
            return PlanGraphs.plan(graph, selected, options, times);
        }
    }

    static Scenario scenario(int size, long seed) {
        Random random = new Random(seed);
        List<String> chains = new ArrayList<>();
        Map<String, UnaryOperator<Node>> tweaks = new HashMap<>();
        List<String> models = new ArrayList<>();
        double density = 0.05 + random.nextDouble() * 0.3;
        for (int i = 0; i < size; i++) {
            String name = switch (random.nextInt(10)) {
                        case 0 -> "seed:";
                        case 1 -> "snapshot:";
                        case 2 -> "ephemeral:";
                        default -> "";
                    }
                    + "n" + i;
            models.add(name);
            boolean hasParent = false;
            for (int j = 0; j < i; j++) {
                if (random.nextDouble() < density / Math.max(1, i / 6.0)
                        && !models.get(i).startsWith("seed:")) {
                    chains.add(models.get(j) + " -> " + name);
                    hasParent = true;
                }
            }
            if (!hasParent) {
                chains.add(name);
            }
            UnaryOperator<Node> folder = PlanGraphs.at("models/" + "abc".charAt(random.nextInt(3)) + "/n" + i + ".sql");
            UnaryOperator<Node> tags = PlanGraphs.tagged(
                    "g" + random.nextInt(3), random.nextBoolean() ? new String[] {"hourly"} : new String[] {"daily"});
            UnaryOperator<Node> placed = node -> tags.apply(folder.apply(node));
            if (random.nextInt(4) == 0 && !name.contains(":")) {
                tweaks.put("n" + i, node -> PlanGraphs.incremental(placed.apply(node)));
            } else {
                tweaks.put("n" + i, placed);
            }
            if (!name.contains(":") && random.nextInt(6) == 0) {
                chains.add(name + " -> unit:u" + i);
            }
        }
        int tests = random.nextInt(size + 1);
        for (int t = 0; t < tests; t++) {
            int parents = 1 + (random.nextInt(5) == 0 ? 1 : 0);
            for (int p = 0; p < parents; p++) {
                chains.add(models.get(random.nextInt(size)) + " -> test:t" + t);
            }
        }
        if (random.nextBoolean()) {
            chains.add(models.get(random.nextInt(size)) + " -> exposure:x");
        }
        LineageGraph graph = PlanGraphs.graph(tweaks, chains.toArray(String[]::new));
        double share = 0.3 + random.nextDouble() * 0.7;
        List<NodeId> selected = new ArrayList<>();
        Map<NodeId, Duration> known = new HashMap<>();
        for (Node node : graph.nodes()) {
            if (random.nextDouble() < share) {
                selected.add(node.id());
            }
            if (random.nextInt(3) > 0) {
                known.put(node.id(), Duration.ofSeconds(random.nextInt(15 * 60)));
            }
        }
        PlanOptions options = PlanOptions.defaults()
                .withSplit(SplitMode.values()[random.nextInt(SplitMode.values().length)])
                .withVerb(random.nextInt(5) == 0 ? DbtVerb.RUN : DbtVerb.BUILD);
        if (random.nextBoolean()) {
            options = options.withMaxNodes(1 + random.nextInt(6));
        }
        if (random.nextBoolean()) {
            options = options.withMaxDuration(Duration.ofSeconds(60 + random.nextInt(20 * 60)));
        }
        if (random.nextInt(3) == 0) {
            options = options.withHeavyThreshold(Duration.ofMinutes(10));
        }
        if (random.nextBoolean()) {
            options = options.withThreads(1 + random.nextInt(4));
        }
        List<NodeId> refresh = new ArrayList<>();
        for (NodeId id : selected) {
            if (id.value().startsWith("model.") && random.nextInt(6) == 0) {
                refresh.add(id);
            }
        }
        options = options.withFullRefresh(refresh);
        return new Scenario(
                graph, selected, options, DurationEstimator.of(known, OptionalInt.of(1 + random.nextInt(4))));
    }

    @Property(tries = 400)
    void everyNodeTheCommandRunsIsInExactlyOneBatch(@ForAll @IntRange(min = 1, max = 40) int size, @ForAll long seed)
            throws Exception {
        Scenario s = scenario(size, seed);
        RerunPlan plan = s.plan();
        List<NodeId> planned = new ArrayList<>();
        plan.batches().forEach(b -> planned.addAll(b.ids()));
        Set<NodeId> expected = new TreeSet<>();
        int orphanUnitTests = 0;
        for (NodeId id : s.selected()) {
            Node node = s.graph().requireNode(id);
            // dbt build runs a unit test only together with the model it tests
            boolean orphan = node.type() == NodeType.UNIT_TEST
                    && s.options().verb() == DbtVerb.BUILD
                    && !s.selected().containsAll(s.graph().parentsOf(id));
            if (orphan) {
                orphanUnitTests++;
            } else if (s.options().verb().runs(node.type())) {
                expected.add(id);
            }
        }
        assertEquals(planned.size(), new HashSet<>(planned).size(), "a node is in two batches");
        assertEquals(expected, new TreeSet<>(planned));
        if (orphanUnitTests > 0) {
            assertEquals(orphanUnitTests, plan.notRun().get(NodeType.UNIT_TEST));
        }
    }

    @Property(tries = 1000)
    void noNodeRunsInABatchBeforeASelectedAncestor(@ForAll @IntRange(min = 1, max = 40) int size, @ForAll long seed)
            throws Exception {
        Scenario s = scenario(size, seed);
        RerunPlan plan = s.plan();
        Map<NodeId, Integer> batchOf = new HashMap<>();
        plan.batches().forEach(b -> b.ids().forEach(id -> batchOf.put(id, b.number())));
        for (Map.Entry<NodeId, Integer> e : batchOf.entrySet()) {
            for (NodeId ancestor : s.graph().ancestorsOf(e.getKey())) {
                Integer before = batchOf.get(ancestor);
                assertTrue(
                        before == null || before <= e.getValue(),
                        e.getKey() + " in batch " + e.getValue() + ", its ancestor " + ancestor + " in " + before);
            }
        }
    }

    @Property(tries = 400)
    void limitsHoldUnlessOneNodeIsAloneAndFlagged(@ForAll @IntRange(min = 1, max = 40) int size, @ForAll long seed)
            throws Exception {
        Scenario s = scenario(size, seed);
        RerunPlan plan = s.plan();
        for (Batch b : plan.batches()) {
            s.options().maxNodes().ifPresent(max -> assertTrue(b.primaryCount() <= max, "batch " + b.number()));
            if (s.options().maxDuration().isPresent()
                    && b.estimated().compareTo(s.options().maxDuration().get()) > 0) {
                assertEquals(1, b.primaryCount(), "over budget with several nodes: batch " + b.number());
                assertTrue(b.flags().contains(BatchFlag.OVER_BUDGET), "over budget, not flagged: " + b.number());
            }
            // independent of the planner's own flags and estimates: recomputed from the scenario
            double limit = s.options().maxDuration().map(d -> d.toNanos() / 1e9).orElse(Double.MAX_VALUE);
            int threads =
                    s.options().threads().orElse(s.times().threadsOfLastRun().orElse(1));
            double sum = 0;
            for (PlannedNode n : b.nodes()) {
                Node node = s.graph().requireNode(n.id());
                double own = s.times().estimate(node).seconds();
                sum += own;
                boolean heavy = s.options().fullRefresh().contains(n.id())
                        || (node.type().isBuildable()
                                && s.options()
                                        .heavyThreshold()
                                        .filter(t -> own >= t.toNanos() / 1e9)
                                        .isPresent());
                if (heavy) {
                    assertEquals(1, b.primaryCount(), n.id() + " must run alone, batch " + b.number());
                }
            }
            if (b.primaryCount() > 1) {
                assertTrue(sum / threads <= limit + 1e-6, "batch " + b.number() + " cannot fit its budget");
            }
            assertEquals(
                    b.flags().contains(BatchFlag.FULL_REFRESH),
                    b.command().argv().contains("--full-refresh"),
                    "batch " + b.number());
        }
    }

    @Property(tries = 300)
    void planIsDeterministicWhateverTheSelectionOrder(@ForAll @IntRange(min = 1, max = 40) int size, @ForAll long seed)
            throws Exception {
        Scenario s = scenario(size, seed);
        List<NodeId> shuffled = new ArrayList<>(s.selected());
        Collections.shuffle(shuffled, new Random(seed ^ 0x5eed));
        RerunPlan first = s.plan();
        assertEquals(first, s.plan());
        assertEquals(first, PlanGraphs.plan(s.graph(), shuffled, s.options(), s.times()));
    }

    @Property(tries = 300)
    void eachCommandSelectsExactlyItsBatch(@ForAll @IntRange(min = 1, max = 30) int size, @ForAll long seed)
            throws Exception {
        Scenario s = scenario(size, seed);
        for (Batch b : s.plan().batches()) {
            assertEquals(
                    new TreeSet<>(b.ids()),
                    CommandSelection.of(s.graph(), null, "shop", b.command()),
                    "batch " + b.number() + ": " + b.command().shell());
        }
    }

    @Property(tries = 100)
    void planSurvivesItsJsonDocument(@ForAll @IntRange(min = 1, max = 30) int size, @ForAll long seed)
            throws Exception {
        RerunPlan plan = scenario(size, seed).plan();
        assertEquals(plan, PlanJson.read("plan.json", PlanJson.write(plan)));
    }

    @Property(tries = 50)
    void graphsWithoutTestsStillPlan(@ForAll @IntRange(min = 1, max = 5) int size) throws Exception {
        LineageGraph graph = TestGraphs.of(
                java.util.stream.IntStream.range(0, size).mapToObj(i -> "m" + i).toArray(String[]::new));
        assertEquals(
                size,
                PlanGraphs.plan(graph, PlanGraphs.all(graph), PlanOptions.defaults(), DurationEstimator.defaults())
                        .nodeCount());
    }
}
