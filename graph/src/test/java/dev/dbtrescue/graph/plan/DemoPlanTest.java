// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.manifest.ManifestReader;
import dev.dbtrescue.graph.plan.RescuePresets.PresetSelection;
import dev.dbtrescue.graph.plan.RescuePresets.StaleCriteria;
import dev.dbtrescue.graph.select.IndirectSelection;
import dev.dbtrescue.graph.select.NodeNames;
import dev.dbtrescue.graph.select.SelectionState;
import dev.dbtrescue.graph.select.SelectorEvaluator;
import dev.dbtrescue.graph.select.SelectorParser;
import dev.dbtrescue.graph.status.LoadedProject;
import dev.dbtrescue.graph.status.NodeState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Presets and plans on the demo project's real artifacts; dbt's answers come from the conformance goldens. */
class DemoPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-21T20:00:00Z");
    private static final Path FAILED = Fixtures.demo("failed-build");
    private static final Path STATE = Fixtures.root().resolve("demo/artifacts/state");

    static LoadedProject failedBuild() throws Exception {
        return LoadedProject.of(
                new ArtifactLoader()
                        .load(
                                FAILED.resolve("manifest.json"),
                                List.of(FAILED.resolve("run_results.json")),
                                List.of(FAILED.resolve("sources.json"))),
                NOW);
    }

    private static LoadedProject modifiedProject() throws Exception {
        return LoadedProject.of(
                new ArtifactLoader().load(STATE.resolve("current/manifest.json"), List.of(), List.of()), NOW);
    }

    private static SelectionState prodState() throws Exception {
        return new SelectionState(
                Optional.of(new ManifestReader().read(STATE.resolve("prod/manifest.json"))),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static RescuePresets presets(LoadedProject project, SelectionState state) {
        return new RescuePresets(project, ExactSelectors.of(project.graph()), state);
    }

    @Test
    void failedPresetStartsAtTheErrorAndAtTheModelOfTheFailedTest() throws Exception {
        PresetSelection failed = presets(failedBuild(), SelectionState.NONE).failed();
        assertEquals(
                "rescue_shop.marts.finance.fin_fx_rates+ rescue_shop.intermediate.int_payments_converted+",
                failed.select());
        assertEquals(
                List.of(
                        NodeId.of("model.rescue_shop.fin_fx_rates"),
                        NodeId.of("model.rescue_shop.int_payments_converted")),
                List.copyOf(failed.reasons().keySet()));
        assertEquals(
                List.of("its test is_positive_fin_fx_rates_rate_to_usd has last result fail: Got 1 result, configured"
                        + " to fail if != 0"),
                failed.reasons().get(NodeId.of("model.rescue_shop.fin_fx_rates")));
    }

    @Test
    void everyResultsIndicesAreTheGraphIndicesOfItsNodes() throws Exception {
        LoadedProject project = failedBuild();
        RescuePresets presets = presets(project, SelectionState.NONE);
        List<PresetSelection> results = List.of(
                presets.failed(),
                presets.select(List.of("+fin_fx_rates+"), List.of("resource_type:test"), IndirectSelection.EAGER),
                presets.narrow(presets.failed(), List.of("tag:finance"), IndirectSelection.CAUTIOUS),
                presets.select(List.of("tag:no_such_tag"), List.of(), IndirectSelection.EAGER));
        for (PresetSelection result : results) {
            java.util.BitSet expected = new java.util.BitSet();
            result.nodes().forEach(id -> expected.set(project.graph().indexOf(id)));
            assertEquals(expected, result.indices(), result.select());
        }
        assertTrue(results.get(0).indices().cardinality() > 50, "the failed preset holds the failures");
        assertEquals(0, results.get(3).indices().cardinality());
        // the set handed out is a copy
        results.get(0).indices().clear();
        assertTrue(results.get(0).indices().cardinality() > 50);
    }

    @Test
    void failedPresetHoldsEveryNodeTheRunFailedOrSkipped() throws Exception {
        LoadedProject project = failedBuild();
        PresetSelection failed = presets(project, SelectionState.NONE).failed();
        Set<NodeId> selected = new TreeSet<>(failed.nodes());
        List<NodeId> missing = new ArrayList<>();
        int count = 0;
        for (Node node : project.graph().nodes()) {
            NodeState state = project.status().stateOf(node.id());
            if (state == NodeState.ERROR || state == NodeState.FAIL || state == NodeState.SKIPPED) {
                count++;
                if (!selected.contains(node.id())) {
                    missing.add(node.id());
                }
            }
        }
        assertEquals(51, count);
        assertEquals(List.of(), missing);
    }

    @Test
    void failedPresetNodesAreWhatItsSelectorSelects() throws Exception {
        LoadedProject project = failedBuild();
        PresetSelection failed = presets(project, SelectionState.NONE).failed();
        SelectorEvaluator evaluator =
                new SelectorEvaluator(project.graph(), project.artifacts().manifest(), SelectionState.NONE);
        assertEquals(
                evaluator.select(new SelectorParser().parse(failed.select())).nodes(), failed.nodes());
    }

    @Test
    void modifiedPresetSelectsWhatDbtLsSelectsForStateModifiedPlus() throws Exception {
        LoadedProject project = modifiedProject();
        PresetSelection modified = presets(project, prodState()).modified();
        assertEquals("state:modified+", modified.select());
        List<String> ours = modified.nodes().stream()
                .map(id -> NodeNames.selector(project.graph().requireNode(id)))
                .toList();
        assertEquals(goldenLines("state-011"), ours);
    }

    @Test
    void modifiedPresetGivesEachModifiedNodeItsReason() throws Exception {
        LoadedProject project = modifiedProject();
        PresetSelection modified = presets(project, prodState()).modified();
        assertEquals(
                goldenLines("state-003"),
                modified.reasons().keySet().stream()
                        .map(id -> NodeNames.selector(project.graph().requireNode(id)))
                        .toList());
        assertTrue(modified.reasons().values().stream().noneMatch(List::isEmpty));
        assertTrue(modified.reasons()
                .get(NodeId.of("model.rescue_shop.int_order_attribution"))
                .toString()
                .contains("body"));
        assertTrue(modified.reasons()
                .get(NodeId.of("model.rescue_shop.ops_store_daily_volume"))
                .toString()
                .contains("materialized"));
        assertTrue(modified.reasons()
                .get(NodeId.of("model.rescue_shop.int_payments_converted"))
                .toString()
                .contains("to_usd"));
    }

    @Test
    void modifiedPresetWithoutAStateManifestSaysWhatToPass() {
        PlanningException e = assertThrows(
                PlanningException.class,
                () -> presets(failedBuild(), SelectionState.NONE).modified());
        assertEquals(
                "The modified preset compares against a production manifest: pass --state DIR, where"
                        + " DIR/manifest.json comes from the production run.",
                e.getMessage());
    }

    @Test
    void failedPresetWithoutRunResultsSaysWhatToRun() {
        PlanningException e = assertThrows(
                PlanningException.class,
                () -> presets(modifiedProject(), SelectionState.NONE).failed());
        assertEquals(
                "The failed preset needs the results of a run, and this project has no run_results.json in target/:"
                        + " run dbt first, or add earlier results with --history FILE.",
                e.getMessage());
    }

    @Test
    void stalePresetFollowsTheSourceWhoseFreshnessFailed() throws Exception {
        PresetSelection stale = presets(failedBuild(), SelectionState.NONE)
                .stale(new StaleCriteria(false, true, Optional.empty(), false));
        assertEquals("source:rescue_shop.web.web_events+", stale.select());
        assertEquals(
                Set.of(NodeId.of("source.rescue_shop.web.web_events")),
                stale.reasons().keySet());
        assertTrue(stale.reasons()
                .get(NodeId.of("source.rescue_shop.web.web_events"))
                .getFirst()
                .startsWith("source freshness error (data "));
        assertTrue(stale.nodes().contains(NodeId.of("model.rescue_shop.stg_web__events")));
    }

    @Test
    void staleByAgeTakesNodesWhoseLastSuccessIsOlderThanTheLimit() throws Exception {
        LoadedProject later = LoadedProject.of(failedBuild().artifacts(), Instant.parse("2026-11-23T00:00:00Z"));
        PresetSelection stale = presets(later, SelectionState.NONE)
                .stale(new StaleCriteria(false, false, Optional.of(java.time.Duration.ofHours(24)), false));
        assertFalse(stale.nodes().isEmpty());
        for (NodeId id : stale.reasons().keySet()) {
            assertEquals(NodeState.SUCCESS, later.status().stateOf(id), id.toString());
        }
        PresetSelection none = presets(failedBuild(), SelectionState.NONE)
                .stale(new StaleCriteria(false, false, Optional.of(java.time.Duration.ofHours(24)), false));
        assertEquals(List.of("No node is stale by the parts switched on."), none.warnings());
    }

    @Test
    void staleWithEveryPartOffIsRefused() {
        PlanningException e = assertThrows(
                PlanningException.class,
                () -> presets(failedBuild(), SelectionState.NONE)
                        .stale(new StaleCriteria(false, false, Optional.empty(), false)));
        assertEquals("Every part of the stale preset is switched off: switch on at least one.", e.getMessage());
    }

    @Test
    void typoInASelectorIsAPlanningErrorWithASuggestion() {
        PlanningException e = assertThrows(
                PlanningException.class,
                () -> presets(failedBuild(), SelectionState.NONE)
                        .select(List.of("tga:finance"), List.of(), IndirectSelection.EAGER));
        assertTrue(e.getMessage().contains("did you mean 'tag'"), e.getMessage());
    }

    @Test
    void everyDemoBatchCommandSelectsExactlyItsBatch() throws Exception {
        List<String> checked = new ArrayList<>();
        for (LoadedProject project : List.of(failedBuild(), modifiedProject())) {
            LineageGraph graph = project.graph();
            ExactSelectors selectors = ExactSelectors.of(graph);
            RerunPlanner planner = new RerunPlanner(
                    selectors, DurationEstimator.fromHistory(project.artifacts().runResults()));
            List<NodeId> everything = graph.nodes().stream().map(Node::id).toList();
            for (SplitMode split : SplitMode.values()) {
                for (DbtVerb verb : DbtVerb.values()) {
                    for (int max : List.of(3, 40)) {
                        PlanOptions options = PlanOptions.defaults()
                                .withSplit(split)
                                .withVerb(verb)
                                .withMaxNodes(max);
                        RerunPlan plan = planner.plan(everything, options, PlanGraphs.SOURCE);
                        for (Batch b : plan.batches()) {
                            assertEquals(
                                    new TreeSet<>(b.ids()),
                                    CommandSelection.of(
                                            graph, project.artifacts().manifest(), "rescue_shop", b.command()),
                                    split + " " + verb + " " + max + " batch " + b.number() + ": "
                                            + b.command().shell());
                            checked.add(b.command().shell());
                        }
                    }
                }
            }
        }
        assertTrue(checked.size() > 200, "only " + checked.size() + " commands checked");
        assertTrue(checked.stream().anyMatch(c -> c.contains("--indirect-selection cautious")));
        assertTrue(checked.stream().anyMatch(c -> c.contains("--exclude")));
    }

    @Test
    void everyDemoResourceHasASelectorThatSelectsItAlone() throws Exception {
        LoadedProject project = failedBuild();
        ExactSelectors selectors = ExactSelectors.of(project.graph());
        SelectorEvaluator evaluator =
                new SelectorEvaluator(project.graph(), project.artifacts().manifest(), SelectionState.NONE);
        for (Node node : project.graph().nodes()) {
            String selector = selectors.selectorFor(node.id());
            assertTrue(selectors.isExact(node.id()), selector);
            assertEquals(
                    List.of(node.id()),
                    evaluator
                            .select(new SelectorParser().parse(List.of(selector), List.of(), IndirectSelection.EMPTY))
                            .nodes(),
                    selector);
        }
    }

    @Test
    void selectorOfAModelNamedLikeAFolderIsNarrowedToItsFile() throws Exception {
        LineageGraph graph = PlanGraphs.graph(
                Map.of(
                        "orders", PlanGraphs.fqnAt("models/staging/orders.sql", "shop", "staging", "orders"),
                        "items",
                                PlanGraphs.fqnAt(
                                        "models/staging/orders/items.sql", "shop", "staging", "orders", "items")),
                "orders -> items");
        ExactSelectors selectors = ExactSelectors.of(graph);
        NodeId orders = NodeId.of("model.shop.orders");
        assertEquals("shop.staging.orders,path:models/staging/orders.sql", selectors.selectorFor(orders));
        assertEquals(
                List.of(orders),
                new SelectorEvaluator(graph, "shop")
                        .select(new SelectorParser()
                                .parse(List.of(selectors.selectorFor(orders)), List.of(), IndirectSelection.EMPTY))
                        .nodes());
        assertEquals("shop.staging.orders.items", selectors.selectorFor(NodeId.of("model.shop.items")));
    }

    private static List<String> goldenLines(String id) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (String line :
                Files.readAllLines(Fixtures.root().resolve("graph/src/test/resources/conformance/golden.jsonl"))) {
            JsonNode golden = mapper.readTree(line);
            if (golden.path("id").asText().equals(id)) {
                List<String> out = new ArrayList<>();
                golden.path("lines").forEach(l -> out.add(l.asText()));
                return out;
            }
        }
        throw new IllegalStateException("no golden " + id);
    }
}
