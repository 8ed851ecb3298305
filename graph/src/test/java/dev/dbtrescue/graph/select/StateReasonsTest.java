// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.Manifest;
import dev.dbtrescue.graph.manifest.ManifestReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Why nodes are modified, on the demo's real prod/current manifests (the edits of state/CHANGES.md). */
class StateReasonsTest {

    private static LineageGraph graph;
    private static SelectorEvaluator evaluator;

    @BeforeAll
    static void load() throws Exception {
        Manifest current =
                new ManifestReader().read(Fixtures.demo("state/current").resolve("manifest.json"));
        Manifest prod = new ManifestReader().read(Fixtures.demo("state/prod").resolve("manifest.json"));
        graph = LineageGraph.of(current.nodes().values());
        evaluator = new SelectorEvaluator(
                graph,
                current,
                new SelectionState(Optional.of(prod), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static List<StateReason> reasons(String id) throws SelectorSyntaxException {
        return evaluator.stateReasons(NodeId.of(id));
    }

    @Test
    void aChangedSqlBodyIsTheBody() throws SelectorSyntaxException {
        assertEquals(
                List.of(new StateReason(StateReason.Kind.BODY, "")),
                reasons("model.rescue_shop.int_order_attribution"));
    }

    @Test
    void aChangedConfigNamesTheKey() throws SelectorSyntaxException {
        assertEquals(
                List.of(new StateReason(StateReason.Kind.CONFIG, "materialized")),
                reasons("model.rescue_shop.ops_store_daily_volume"));
        assertEquals(
                "config changed: materialized",
                reasons("model.rescue_shop.ops_store_daily_volume").get(0).describe());
    }

    @Test
    void aChangedMacroNamesTheMacro() throws SelectorSyntaxException {
        assertEquals(
                List.of(new StateReason(StateReason.Kind.MACRO, "macro.rescue_shop.to_usd")),
                reasons("model.rescue_shop.int_orders_enriched"));
    }

    @Test
    void anUnchangedNodeHasNoReason() throws SelectorSyntaxException {
        assertEquals(List.of(), reasons("model.rescue_shop.fct_orders"));
    }

    @Test
    void everyModifiedNodeHasAReasonAndNoOtherNodeHasOne() throws SelectorSyntaxException {
        Selection modified = evaluator.select(
                new SelectorParser().parse(List.of("state:modified"), List.of(), IndirectSelection.EMPTY));
        Set<NodeId> withReasons = new TreeSet<>();
        for (var node : graph.nodes()) {
            if (!evaluator.stateReasons(node.id()).isEmpty()) {
                withReasons.add(node.id());
            }
        }
        assertEquals(new TreeSet<>(modified.nodes()), withReasons);
    }

    @Test
    void reasonsNeedAStateManifest() {
        SelectorEvaluator noState = new SelectorEvaluator(graph, "rescue_shop");
        assertThrows(
                SelectorSyntaxException.class, () -> noState.stateReasons(NodeId.of("model.rescue_shop.fct_orders")));
    }
}
