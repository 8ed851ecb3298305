// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import static dev.dbtrescue.graph.plan.PlanGraphs.all;
import static dev.dbtrescue.graph.plan.PlanGraphs.ids;
import static dev.dbtrescue.graph.plan.PlanGraphs.minutes;
import static dev.dbtrescue.graph.plan.PlanGraphs.names;
import static dev.dbtrescue.graph.plan.PlanGraphs.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.TestGraphs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RerunPlannerTest {

    private static final DurationEstimator DEFAULTS = minutes(1);

    @Test
    void planWithoutLimitsIsOneBatchInDependencyOrder() throws Exception {
        LineageGraph graph = TestGraphs.of("a -> b -> c", "a -> d");
        RerunPlan plan = plan(graph, all(graph), PlanOptions.defaults(), DEFAULTS);
        assertEquals(List.of(List.of("a", "b", "c", "d")), names(plan));
    }

    @Test
    void nodeLimitOfOneGivesOneBatchPerNodeParentsFirst() throws Exception {
        LineageGraph graph = TestGraphs.of("a -> b -> c");
        RerunPlan plan = plan(graph, all(graph), PlanOptions.defaults().withMaxNodes(1), DEFAULTS);
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), names(plan));
    }

    @Test
    void wavesPutNodesOfOneDepthTogether() throws Exception {
        LineageGraph graph = TestGraphs.of("r -> a1 -> a2", "r -> b1 -> b2");
        RerunPlan plan = plan(graph, all(graph), PlanOptions.defaults().withSplit(SplitMode.WAVES), DEFAULTS);
        assertEquals(List.of(List.of("r"), List.of("a1", "b1"), List.of("a2", "b2")), names(plan));
    }

    @Test
    void lineageKeepsEachBranchTogetherWhenItFits() throws Exception {
        LineageGraph graph = TestGraphs.of("r -> a1 -> a2", "r -> b1 -> b2");
        RerunPlan plan = plan(graph, all(graph), PlanOptions.defaults().withMaxNodes(3), DEFAULTS);
        assertEquals(List.of(List.of("r", "a1", "a2"), List.of("b1", "b2")), names(plan));
    }

    @Test
    void lineagePacksSmallIndependentBranchesUpToTheLimit() throws Exception {
        LineageGraph graph = TestGraphs.of("x", "y", "z");
        RerunPlan plan = plan(graph, all(graph), PlanOptions.defaults().withMaxNodes(2), DEFAULTS);
        assertEquals(List.of(List.of("x", "y"), List.of("z")), names(plan));
    }

    @Test
    void wavesCutAWaveAtTheNodeLimit() throws Exception {
        LineageGraph graph = TestGraphs.of("x", "y", "z");
        RerunPlan plan = plan(
                graph,
                all(graph),
                PlanOptions.defaults().withSplit(SplitMode.WAVES).withMaxNodes(2),
                DEFAULTS);
        assertEquals(List.of(List.of("x", "y"), List.of("z")), names(plan));
    }

    @Test
    void folderSplitCutsWhereTheFolderChangesAndKeepsDependencyOrder() throws Exception {
        LineageGraph graph = PlanGraphs.graph(
                Map.of(
                        "s1", PlanGraphs.at("models/staging/s1.sql"),
                        "s2", PlanGraphs.at("models/staging/s2.sql"),
                        "s3", PlanGraphs.at("models/staging/s3.sql"),
                        "m1", PlanGraphs.at("models/marts/m1.sql")),
                "s1 -> m1 -> s3",
                "s2");
        RerunPlan plan = plan(graph, all(graph), PlanOptions.defaults().withSplit(SplitMode.FOLDER), DEFAULTS);
        assertEquals(List.of(List.of("s1", "s2"), List.of("m1"), List.of("s3")), names(plan));
    }

    @Test
    void tagSplitTakesOneTagSetAtATime() throws Exception {
        LineageGraph graph = PlanGraphs.graph(
                Map.of(
                        "a", PlanGraphs.tagged("core", "hourly"),
                        "b", PlanGraphs.tagged("core", "daily"),
                        "c", PlanGraphs.tagged("finance", "hourly"),
                        "d", PlanGraphs.tagged("finance", "daily", "finance")),
                "a -> c",
                "b -> d",
                "b -> c");
        assertEquals(
                List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")),
                names(plan(graph, all(graph), PlanOptions.defaults().withSplit(SplitMode.TAG), DEFAULTS)));
        assertEquals(
                List.of(List.of("a", "b"), List.of("c", "d")),
                names(plan(graph, all(graph), PlanOptions.defaults().withSplit(SplitMode.GROUP), DEFAULTS)));
    }

    @Test
    void testsTravelWithTheirModelAndDoNotCountTowardTheNodeLimit() throws Exception {
        LineageGraph graph = TestGraphs.of("a -> test:not_null_a", "a -> test:unique_a", "a -> b");
        RerunPlan plan = plan(graph, all(graph), PlanOptions.defaults().withMaxNodes(1), DEFAULTS);
        assertEquals(List.of(List.of("a", "not_null_a", "unique_a"), List.of("b")), names(plan));
        assertEquals(
                List.of(1, 1), plan.batches().stream().map(Batch::primaryCount).toList());
    }

    @Test
    void testOfTwoModelsRunsInTheBatchOfTheLaterOne() throws Exception {
        LineageGraph graph = TestGraphs.of("a -> test:rel_a_b", "b -> test:rel_a_b");
        RerunPlan plan = plan(graph, all(graph), PlanOptions.defaults().withMaxNodes(1), DEFAULTS);
        assertEquals(List.of(List.of("a"), List.of("b", "rel_a_b")), names(plan));
    }

    @Test
    void commandLeavesOutATestWhoseOtherParentRunsLater() throws Exception {
        LineageGraph graph = TestGraphs.of("a -> test:rel_a_b", "b -> test:rel_a_b", "a -> test:unique_a");
        RerunPlan plan = plan(graph, all(graph), PlanOptions.defaults().withMaxNodes(1), DEFAULTS);
        // eager would add rel_a_b to the first batch; cautious keeps only tests whose parents are all selected
        assertEquals(
                List.of("dbt", "build", "--select", "shop.a", "--indirect-selection", "cautious"),
                plan.batches().get(0).command().argv());
        assertEquals(
                List.of("dbt", "build", "--select", "shop.b"),
                plan.batches().get(1).command().argv());
    }

    @Test
    void commandNamesATestThatIndirectSelectionWouldMiss() throws Exception {
        LineageGraph graph = TestGraphs.of("a -> test:t_a", "b -> test:t_b");
        RerunPlan plan = plan(graph, ids("a", "test:t_a", "test:t_b"), PlanOptions.defaults(), DEFAULTS);
        assertEquals(
                List.of("dbt", "build", "--select", "shop.a", "shop.t_b"),
                plan.batches().getFirst().command().argv());
    }

    @Test
    void commandExcludesATestTheSelectionLeftOut() throws Exception {
        LineageGraph graph = TestGraphs.of("a -> test:t1", "a -> test:t2", "a -> test:t3");
        RerunPlan plan = plan(graph, ids("a", "test:t1", "test:t2"), PlanOptions.defaults(), DEFAULTS);
        assertEquals(
                List.of("dbt", "build", "--select", "shop.a", "--exclude", "shop.t3"),
                plan.batches().getFirst().command().argv());
    }

    @Test
    void selectedAncestorReachedThroughAnUnselectedNodeComesFirst() throws Exception {
        LineageGraph graph = TestGraphs.of("a -> x -> b");
        RerunPlan plan = plan(graph, ids("b", "a"), PlanOptions.defaults().withSplit(SplitMode.WAVES), DEFAULTS);
        assertEquals(List.of(List.of("a"), List.of("b")), names(plan));
    }

    @Test
    void fullRefreshOfAnIncrementalModelIsAloneFlaggedHeavyAndOnlyItsCommandCarriesTheFlag() throws Exception {
        LineageGraph graph = PlanGraphs.graph(Map.of("b", PlanGraphs::incremental), "a -> b -> c", "a -> d");
        RerunPlan plan = plan(graph, all(graph), PlanOptions.defaults().withFullRefresh(ids("b")), DEFAULTS);
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c", "d")), names(plan));
        Batch refresh = plan.batches().get(1);
        assertEquals(EnumSet.of(BatchFlag.HEAVY, BatchFlag.FULL_REFRESH), refresh.flags());
        assertEquals(
                List.of("dbt", "build", "--select", "shop.b", "--full-refresh"),
                refresh.command().argv());
        assertTrue(plan.batches().get(2).command().argv().stream().noneMatch("--full-refresh"::equals));
    }

    @Test
    void nodeOverTheHeavyThresholdRunsAlone() throws Exception {
        LineageGraph graph = TestGraphs.of("a -> b -> c");
        RerunPlan plan = plan(
                graph,
                all(graph),
                PlanOptions.defaults().withHeavyThreshold(Duration.ofMinutes(30)),
                minutes(4, "b", 45));
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), names(plan));
        assertEquals(EnumSet.of(BatchFlag.HEAVY), plan.batches().get(1).flags());
    }

    @Test
    void nodeOverTheTimeBudgetOnItsOwnIsAloneAndFlagged() throws Exception {
        LineageGraph graph = TestGraphs.of("a -> b -> c");
        RerunPlan plan = plan(
                graph,
                all(graph),
                PlanOptions.defaults().withMaxDuration(Duration.ofMinutes(10)),
                minutes(1, "a", 1, "b", 20, "c", 1));
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")), names(plan));
        assertEquals(EnumSet.of(BatchFlag.OVER_BUDGET), plan.batches().get(1).flags());
        assertEquals(Duration.ofMinutes(20), plan.batches().get(1).estimated());
    }

    @Test
    void timeBudgetCountsParallelThreads() throws Exception {
        LineageGraph graph = TestGraphs.of("w", "x", "y", "z");
        PlanOptions tenMinutes = PlanOptions.defaults().withMaxDuration(Duration.ofMinutes(10));
        DurationEstimator fiveEach = minutes(2, "w", 5, "x", 5, "y", 5, "z", 5);
        assertEquals(List.of(List.of("w", "x", "y", "z")), names(plan(graph, all(graph), tenMinutes, fiveEach)));
        RerunPlan oneThread = plan(graph, all(graph), tenMinutes.withThreads(1), fiveEach);
        assertEquals(List.of(List.of("w", "x"), List.of("y", "z")), names(oneThread));
        assertEquals(Duration.ofMinutes(20), oneThread.estimated());
    }

    @Test
    void batchEstimateFollowsDependenciesInsideTheBatch() throws Exception {
        LineageGraph graph = TestGraphs.of("a -> b", "c");
        RerunPlan plan = plan(graph, all(graph), PlanOptions.defaults(), minutes(8, "a", 3, "b", 4, "c", 2));
        assertEquals(Duration.ofMinutes(7), plan.batches().getFirst().estimated());
    }

    @Test
    void criticalPathIsTheLongestChainByEstimate() throws Exception {
        LineageGraph graph = TestGraphs.of("a -> b -> d", "a -> c -> d");
        RerunPlan plan = plan(graph, all(graph), PlanOptions.defaults(), minutes(4, "a", 1, "b", 1, "c", 7, "d", 2));
        assertEquals(new CriticalPath(ids("a", "c", "d"), Duration.ofMinutes(10)), plan.criticalPath());
    }

    @Test
    void runCommandPlansModelsOnlyAndCountsTheRest() throws Exception {
        LineageGraph graph = TestGraphs.of("seed:s -> a -> test:t_a", "source:raw.o -> a");
        RerunPlan plan = plan(graph, all(graph), PlanOptions.defaults().withVerb(DbtVerb.RUN), DEFAULTS);
        assertEquals(List.of(List.of("a")), names(plan));
        assertEquals(Map.of(NodeType.SEED, 1, NodeType.TEST, 1, NodeType.SOURCE, 1), plan.notRun());
        assertEquals(
                List.of("dbt", "run", "--select", "shop.a"),
                plan.batches().getFirst().command().argv());
    }

    @Test
    void commandCarriesTheAskedFlagsShellQuoted() throws Exception {
        LineageGraph graph = TestGraphs.of("a");
        PlanOptions options = PlanOptions.defaults()
                .withTarget("prod")
                .withVars("{as_of: '2025-12-31'}")
                .withThreads(8)
                .withDefer("/srv/state dir", true);
        DbtCommand command =
                plan(graph, all(graph), options, DEFAULTS).batches().getFirst().command();
        assertEquals(
                List.of(
                        "dbt",
                        "build",
                        "--select",
                        "shop.a",
                        "--target",
                        "prod",
                        "--vars",
                        "{as_of: '2025-12-31'}",
                        "--threads",
                        "8",
                        "--defer",
                        "--state",
                        "/srv/state dir",
                        "--favor-state"),
                command.argv());
        assertEquals(
                "dbt build --select shop.a --target prod --vars '{as_of: '\\''2025-12-31'\\''}' --threads 8 --defer"
                        + " --state '/srv/state dir' --favor-state",
                command.shell());
    }

    @Test
    void planDoesNotDependOnTheOrderOfTheSelection() throws Exception {
        LineageGraph graph = TestGraphs.of("a -> b -> c", "a -> d -> test:t", "e -> c");
        List<NodeId> forward = new ArrayList<>(all(graph));
        List<NodeId> backward = new ArrayList<>(forward);
        Collections.reverse(backward);
        PlanOptions options = PlanOptions.defaults().withMaxNodes(2);
        assertEquals(plan(graph, forward, options, DEFAULTS), plan(graph, backward, options, DEFAULTS));
    }

    @Test
    void unknownNodeIsRefusedWithItsId() {
        LineageGraph graph = TestGraphs.of("a");
        PlanningException e = assertThrows(
                PlanningException.class,
                () -> plan(graph, List.of(NodeId.of("model.shop.gone")), PlanOptions.defaults(), DEFAULTS));
        assertEquals(
                "'model.shop.gone' is not in the project's manifest: select nodes of this project (reload the"
                        + " artifacts if the project changed)",
                e.getMessage());
    }

    @Test
    void fullRefreshOfANodeOutsideTheSelectionIsRefused() {
        LineageGraph graph = TestGraphs.of("a -> b");
        PlanningException e = assertThrows(
                PlanningException.class,
                () -> plan(graph, ids("b"), PlanOptions.defaults().withFullRefresh(ids("a")), DEFAULTS));
        assertEquals(
                "--full-refresh model.shop.a: not among the nodes this `dbt build` runs; add it to the selection or"
                        + " drop the flag",
                e.getMessage());
    }

    @Test
    void fullRefreshOfATestIsRefused() {
        LineageGraph graph = TestGraphs.of("a -> test:t_a");
        PlanningException e = assertThrows(
                PlanningException.class,
                () -> plan(graph, all(graph), PlanOptions.defaults().withFullRefresh(ids("test:t_a")), DEFAULTS));
        assertEquals(
                "--full-refresh test.shop.t_a: only models, seeds and snapshots are rebuilt with --full-refresh",
                e.getMessage());
    }

    @Test
    void buildLeavesOutAUnitTestWhoseModelIsNotSelected() throws Exception {
        LineageGraph graph = TestGraphs.of("a -> b -> unit:b_works");
        RerunPlan plan = plan(graph, ids("a", "unit:b_works"), PlanOptions.defaults(), DEFAULTS);
        assertEquals(List.of(List.of("a")), names(plan));
        assertEquals(Map.of(NodeType.UNIT_TEST, 1), plan.notRun());
        assertTrue(
                plan.warnings().getFirst().startsWith("1 selected unit tests are left out: `dbt build` runs a unit"));
    }

    @Test
    void limitsOfZeroAreRefused() {
        IllegalArgumentException nodes = assertThrows(
                IllegalArgumentException.class, () -> PlanOptions.defaults().withMaxNodes(0));
        assertEquals("the maximum number of nodes per batch must be 1 or more, was 0", nodes.getMessage());
        IllegalArgumentException time = assertThrows(
                IllegalArgumentException.class, () -> PlanOptions.defaults().withMaxDuration(Duration.ZERO));
        assertEquals("the maximum estimated time per batch must be more than zero, was 0.00s", time.getMessage());
    }

    @Test
    void emptySelectionGivesAnEmptyPlanThatSaysSo() throws Exception {
        LineageGraph graph = TestGraphs.of("a");
        RerunPlan plan = plan(graph, List.of(), PlanOptions.defaults(), DEFAULTS);
        assertEquals(List.of(), plan.batches());
        assertEquals(List.of("Nothing to do: no selected node is run by `dbt build`."), plan.warnings());
    }

    @Test
    void defaultEstimatesAreCountedInAWarning() throws Exception {
        LineageGraph graph = TestGraphs.of("a -> b");
        RerunPlan plan = plan(graph, all(graph), PlanOptions.defaults(), minutes(1, "a", 2));
        assertEquals(
                List.of("1 of 2 nodes have no recorded run; their times are estimates by resource type and"
                        + " materialization (marked ~)."),
                plan.warnings());
        assertTrue(plan.batches().getFirst().hasDefaultEstimates());
    }
}
