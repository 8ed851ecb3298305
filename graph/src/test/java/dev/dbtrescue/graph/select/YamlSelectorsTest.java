// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.TestGraphs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** YAML selector definitions as dbt reads them (dbt-reference §4.10). */
class YamlSelectorsTest {

    private final LineageGraph shop = TestGraphs.of(
            "source:raw.orders -> stg_orders -> orders -> revenue",
            "stg_orders -> customers",
            "orders -> test:not_null_orders_id",
            "orders -> test:relationships_orders_customers",
            "customers -> test:relationships_orders_customers");

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private Set<NodeId> select(Map<String, JsonNode> selectors, String name) throws SelectorSyntaxException {
        Selector s = YamlSelectors.named(name, selectors, IndirectSelection.EAGER);
        return new TreeSet<>(new SelectorEvaluator(shop, "shop", selectors, SelectionState.NONE)
                .select(s)
                .nodes());
    }

    private static Set<NodeId> ids(String... dsl) {
        return new TreeSet<>(Arrays.stream(dsl).map(TestGraphs::id).toList());
    }

    private static Map<String, JsonNode> selectors(String name, String definition) throws Exception {
        return Map.of(name, json("{\"name\": \"" + name + "\", \"definition\": " + definition + "}"));
    }

    @Test
    void aFullDictWithParentsSelectsUpstream() throws Exception {
        assertEquals(
                ids(
                        "source:raw.orders",
                        "stg_orders",
                        "orders",
                        "test:not_null_orders_id",
                        "test:relationships_orders_customers"),
                select(selectors("s", "{\"method\": \"fqn\", \"value\": \"orders\", \"parents\": true}"), "s"));
    }

    @Test
    void depthZeroInYamlMeansUnlimited() throws Exception {
        assertEquals(
                select(selectors("s", "{\"method\": \"fqn\", \"value\": \"revenue\", \"parents\": true}"), "s"),
                select(
                        selectors(
                                "s",
                                "{\"method\": \"fqn\", \"value\": \"revenue\", \"parents\": true,"
                                        + " \"parents_depth\": 0}"),
                        "s"));
    }

    @Test
    void aTextDepthZeroAsTheManifestStoresCliSelectorsMeansNoParents() throws Exception {
        // dbt's _match_to_int: only a falsy depth is unlimited; "0" is text, so zero hops (0+orders)
        assertEquals(
                ids("orders", "test:not_null_orders_id", "test:relationships_orders_customers"),
                select(
                        selectors(
                                "s",
                                "{\"method\": \"fqn\", \"value\": \"orders\", \"parents\": true,"
                                        + " \"parents_depth\": \"0\"}"),
                        "s"));
    }

    @Test
    void aDictWithAnInvalidValueIsRejectedAsOnTheCommandLine() throws Exception {
        var e = assertThrows(
                SelectorSyntaxException.class,
                () -> select(selectors("s", "{\"method\": \"state\", \"value\": \"modifed\"}"), "s"));
        assertEquals("'modifed' is not a valid state selector — did you mean 'modified'?", e.getMessage());
        assertThrows(SelectorSyntaxException.class, () -> select(selectors("s", "{\"union\": \"x\"}"), "s"));
    }

    @Test
    void aUnionWithAnExcludeTakesItAwayLast() throws Exception {
        assertEquals(
                ids("stg_orders", "revenue"),
                select(
                                selectors(
                                        "s",
                                        "{\"union\": [{\"method\": \"fqn\", \"value\": \"stg_orders\"},"
                                                + " {\"fqn\": \"revenue\"}, {\"fqn\": \"orders\"}, {\"exclude\": [{\"fqn\": \"orders\"}]}]}"),
                                "s")
                        .stream()
                        .filter(id -> !id.value().startsWith("test."))
                        .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void aStringDefinitionIsOneCriterionWithoutSpacesOrCommasInterpreted() throws Exception {
        assertEquals(ids(), select(selectors("s", "\"orders,customers\""), "s"));
    }

    @Test
    void indirectSelectionInADictOverridesTheFlag() throws Exception {
        assertEquals(
                ids("orders", "test:not_null_orders_id"),
                select(
                        selectors(
                                "s",
                                "{\"method\": \"fqn\", \"value\": \"orders\","
                                        + " \"indirect_selection\": \"cautious\"}"),
                        "s"));
    }

    @Test
    void theSelectorMethodReusesAnotherSelectorsResult() throws Exception {
        Map<String, JsonNode> both = Map.of(
                "base", json("{\"definition\": {\"fqn\": \"orders\"}}"),
                "reuse", json("{\"definition\": {\"method\": \"selector\", \"value\": \"ba*\", \"children\": true}}"));
        // the referenced result (orders and its tests) is not expanded again, but the operator applies to it
        assertEquals(
                ids("orders", "test:not_null_orders_id", "test:relationships_orders_customers", "revenue"),
                select(both, "reuse"));
    }

    @Test
    void aSelectorThatRefersToItselfIsRejected() throws Exception {
        Map<String, JsonNode> loop = selectors("s", "{\"method\": \"selector\", \"value\": \"s\"}");
        assertThrows(SelectorSyntaxException.class, () -> select(loop, "s"));
    }

    @Test
    void anUnknownSelectorNameSuggestsTheClosest() throws Exception {
        var e = assertThrows(
                SelectorSyntaxException.class,
                () -> YamlSelectors.named(
                        "nightli", selectors("nightly", "{\"fqn\": \"x\"}"), IndirectSelection.EAGER));
        assertEquals(
                "no selector named 'nightli' in the project's selectors.yml — did you mean 'nightly'?", e.getMessage());
    }

    @Test
    void theDefaultSelectorIsFound() throws Exception {
        assertEquals(
                List.of("d"),
                YamlSelectors.defaultSelector(Map.of(
                                "d", json("{\"default\": true, \"definition\": {\"fqn\": \"x\"}}"),
                                "e", json("{\"definition\": {\"fqn\": \"y\"}}")))
                        .stream()
                        .toList());
    }
}
