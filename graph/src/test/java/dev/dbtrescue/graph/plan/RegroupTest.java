// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.plan.RescuePresets.PresetSelection;
import dev.dbtrescue.graph.select.SelectionState;
import dev.dbtrescue.graph.status.LoadedProject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Batches regrouped by hand on the demo's failed build: dependency order is kept, the rest is made again. */
class RegroupTest {

    private static final NodeId CONVERTED = NodeId.of("model.rescue_shop.int_payments_converted");
    private static final NodeId FCT_PAYMENTS = NodeId.of("model.rescue_shop.fct_payments");

    private record Planned(RerunPlanner planner, RerunPlan plan) {}

    private static Planned plan(PlanOptions options) throws Exception {
        LoadedProject project = DemoPlanTest.failedBuild();
        ExactSelectors selectors = ExactSelectors.of(project.graph());
        PresetSelection failed = new RescuePresets(project, selectors, SelectionState.NONE).failed();
        RerunPlanner planner = new RerunPlanner(selectors, DurationEstimator.defaults());
        RerunPlan plan = planner.plan(
                failed.nodes(),
                options,
                new PlanSource("rescue_shop", "unknown", Optional.of("1.12.6"), "failed", "", "", Optional.empty()));
        return new Planned(planner, plan);
    }

    private static List<List<NodeId>> groups(RerunPlan plan) {
        List<List<NodeId>> out = new ArrayList<>();
        plan.batches().forEach(b -> out.add(new ArrayList<>(b.ids())));
        return out;
    }

    @Test
    void theSameGroupingGivesTheSamePlan() throws Exception {
        Planned made = plan(PlanOptions.defaults().withMaxNodes(3));
        RerunPlan again = made.planner().regroup(made.plan(), groups(made.plan()));
        assertEquals(made.plan().batches(), again.batches());
        assertEquals(made.plan().criticalPath(), again.criticalPath());
    }

    @Test
    void mergingTwoBatchesGivesOneCommandForBothAndFlagsTheLimit() throws Exception {
        Planned made = plan(PlanOptions.defaults().withMaxNodes(3));
        List<List<NodeId>> groups = groups(made.plan());
        assertTrue(groups.size() >= 3, groups.toString());
        groups.get(0).addAll(groups.remove(1));
        RerunPlan merged = made.planner().regroup(made.plan(), groups);

        assertEquals(made.plan().batches().size() - 1, merged.batches().size());
        Batch first = merged.batches().get(0);
        assertEquals(groups.get(0).size(), first.nodes().size());
        assertTrue(first.flags().contains(BatchFlag.OVER_BUDGET), first.toString());
        assertTrue(
                first.notes().stream().anyMatch(n -> n.contains("over the limit of 3 per batch")),
                first.notes().toString());
        for (Batch batch : merged.batches()) { // the same selectors, in the batch's order
            assertEquals(
                    made.planner().commandFor(batch.ids(), made.plan().options(), false).argv().stream()
                            .sorted()
                            .toList(),
                    batch.command().argv().stream().sorted().toList(),
                    "batch " + batch.number());
        }
        assertEquals(made.plan().nodeCount(), merged.nodeCount());
    }

    @Test
    void aNodeMovedBeforeItsParentIsRefusedWithBothBatchesNamedAndBesideItIsAllowed() throws Exception {
        Planned made = plan(PlanOptions.defaults().withMaxNodes(1));
        int parent = indexOf(groups(made.plan()), CONVERTED);
        assertTrue(parent >= 1, "int_payments_converted runs after fin_fx_rates");

        List<List<NodeId>> early = moved(groups(made.plan()), FCT_PAYMENTS, parent - 1);
        PlanningException e =
                assertThrows(PlanningException.class, () -> made.planner().regroup(made.plan(), early));
        assertEquals(
                "fct_payments cannot run in batch " + parent + ": it depends on int_payments_converted, which runs in"
                        + " batch " + (parent + 1)
                        + ". Move int_payments_converted first, or put fct_payments in batch "
                        + (parent + 1) + " or later.",
                e.getMessage());

        RerunPlan beside = made.planner().regroup(made.plan(), moved(groups(made.plan()), FCT_PAYMENTS, parent));
        Batch batch = beside.batches().get(parent);
        assertTrue(
                batch.ids().indexOf(CONVERTED) < batch.ids().indexOf(FCT_PAYMENTS),
                batch.ids().toString());
        assertEquals(made.plan().nodeCount(), beside.nodeCount());
    }

    private static List<List<NodeId>> moved(List<List<NodeId>> groups, NodeId node, int to) {
        groups.get(indexOf(groups, node)).remove(node);
        groups.get(to).add(0, node);
        return groups;
    }

    @Test
    void droppingOrRepeatingANodeIsRefused() throws Exception {
        Planned made = plan(PlanOptions.defaults());
        List<List<NodeId>> dropped = groups(made.plan());
        dropped.get(0).remove(0);
        assertTrue(assertThrows(PlanningException.class, () -> made.planner().regroup(made.plan(), dropped))
                .getMessage()
                .startsWith("Regrouping must keep the plan's nodes"));
        List<List<NodeId>> repeated = groups(made.plan());
        repeated.add(List.of(repeated.get(0).get(0)));
        assertTrue(assertThrows(PlanningException.class, () -> made.planner().regroup(made.plan(), repeated))
                .getMessage()
                .endsWith(": a node runs once"));
    }

    @Test
    void anOverBudgetMergeIsFlaggedByTime() throws Exception {
        Planned made = plan(PlanOptions.defaults().withMaxDuration(Duration.ofSeconds(20)));
        List<List<NodeId>> all = new ArrayList<>();
        all.add(made.plan().batches().stream().flatMap(b -> b.ids().stream()).toList());
        assertTrue(made.plan().batches().size() > 1, "a 20 s budget splits the failed preset");
        RerunPlan one = made.planner().regroup(made.plan(), all);
        assertEquals(1, one.batches().size());
        assertTrue(one.batches().get(0).flags().contains(BatchFlag.OVER_BUDGET));
        assertTrue(
                one.batches().get(0).notes().get(0).contains("over the 20.0s budget per batch"),
                one.batches().get(0).notes().toString());
    }

    private static int indexOf(List<List<NodeId>> groups, NodeId id) {
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).contains(id)) {
                return g;
            }
        }
        throw new AssertionError(id + " not planned");
    }
}
