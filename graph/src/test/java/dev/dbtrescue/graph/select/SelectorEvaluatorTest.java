// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.TestGraphs;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Operator and indirect-selection rules on a small graph (dbt-reference §4.6 to §4.8). */
class SelectorEvaluatorTest {

    /** orders and customers, a relationships test between them, a unit test on orders, a test on the source. */
    private final LineageGraph shop = TestGraphs.of(
            "source:raw.orders -> stg_orders -> orders -> revenue",
            "source:raw.orders -> test:source_not_null",
            "stg_orders -> customers",
            "orders -> test:not_null_orders_id",
            "orders -> test:relationships_orders_customers",
            "customers -> test:relationships_orders_customers",
            "orders -> unit:test_orders");

    private Set<NodeId> select(String select, String exclude, IndirectSelection mode) throws SelectorSyntaxException {
        Selector s =
                new SelectorParser().parse(List.of(select), exclude.isEmpty() ? List.of() : List.of(exclude), mode);
        return new TreeSet<>(new SelectorEvaluator(shop, "shop").select(s).nodes());
    }

    private static Set<NodeId> ids(String... dsl) {
        return new TreeSet<>(
                Arrays.stream(dsl).map(dev.dbtrescue.graph.TestGraphs::id).toList());
    }

    @Test
    void eagerSelectsEveryTestTouchingTheSelection() throws SelectorSyntaxException {
        assertEquals(
                ids("orders", "test:not_null_orders_id", "test:relationships_orders_customers", "unit:test_orders"),
                select("orders", "", IndirectSelection.EAGER));
    }

    @Test
    void cautiousHoldsBackTestsWithAnUnselectedParent() throws SelectorSyntaxException {
        assertEquals(
                ids("orders", "test:not_null_orders_id", "unit:test_orders"),
                select("orders", "", IndirectSelection.CAUTIOUS));
    }

    @Test
    void cautiousPromotesAtTheUnionWhenBothParentsAreSelected() throws SelectorSyntaxException {
        assertEquals(
                ids(
                        "orders",
                        "customers",
                        "test:not_null_orders_id",
                        "test:relationships_orders_customers",
                        "unit:test_orders"),
                select("orders customers", "", IndirectSelection.CAUTIOUS));
    }

    @Test
    void buildableAcceptsTestsWhoseParentsAreUpstream() throws SelectorSyntaxException {
        assertEquals(ids("revenue"), select("revenue", "", IndirectSelection.BUILDABLE));
        assertEquals(
                ids(
                        "stg_orders",
                        "orders",
                        "test:not_null_orders_id",
                        "unit:test_orders",
                        "customers",
                        "test:relationships_orders_customers"),
                select("stg_orders+1 orders", "revenue", IndirectSelection.BUILDABLE));
    }

    @Test
    void emptyAddsNoImplicitTests() throws SelectorSyntaxException {
        assertEquals(ids("orders"), select("orders", "", IndirectSelection.EMPTY));
    }

    @Test
    void eagerExclusionIsGreedy() throws SelectorSyntaxException {
        assertEquals(
                ids("stg_orders", "orders", "revenue", "test:not_null_orders_id", "unit:test_orders"),
                select("stg_orders+", "customers", IndirectSelection.EAGER));
    }

    @Test
    void childrensParentsTakesEverythingUpstreamOfTheDownstream() throws SelectorSyntaxException {
        assertEquals(
                ids(
                        "source:raw.orders",
                        "stg_orders",
                        "orders",
                        "revenue",
                        "customers",
                        "test:source_not_null",
                        "test:not_null_orders_id",
                        "test:relationships_orders_customers",
                        "unit:test_orders"),
                select("@orders", "", IndirectSelection.EAGER));
    }

    @Test
    void depthLimitsCountEveryHop() throws SelectorSyntaxException {
        assertEquals(
                ids(
                        "stg_orders",
                        "orders",
                        "customers",
                        "test:relationships_orders_customers",
                        "test:not_null_orders_id",
                        "unit:test_orders"),
                select("stg_orders+1", "", IndirectSelection.EAGER));
        assertEquals(
                ids("orders", "test:not_null_orders_id", "test:relationships_orders_customers", "unit:test_orders"),
                select("0+orders", "", IndirectSelection.EAGER));
    }

    @Test
    void intersectionWorksOnTheExpandedSets() throws SelectorSyntaxException {
        // each member is expanded with its tests before intersecting, so the models' tests stay (dbt-reference §4.8)
        assertEquals(
                ids(
                        "stg_orders",
                        "orders",
                        "revenue",
                        "test:not_null_orders_id",
                        "test:relationships_orders_customers",
                        "unit:test_orders"),
                select("stg_orders+,+revenue,resource_type:model", "", IndirectSelection.EAGER));
    }

    @Test
    void aReversedCharacterRangeMatchesNothingInsteadOfFailing() throws SelectorSyntaxException {
        assertEquals(ids(), select("fqn:[z-a]*", "", IndirectSelection.EMPTY));
    }

    @Test
    void cautiousNeverPromotesATestWithAParentOutsideTheGraph() throws SelectorSyntaxException {
        List<dev.dbtrescue.graph.Node> nodes =
                new java.util.ArrayList<>(TestGraphs.nodes("orders -> test:rel", "disabled_model -> test:rel"));
        nodes.removeIf(n -> n.name().equals("disabled_model"));
        LineageGraph graph = LineageGraph.of(nodes);
        Selector s = new SelectorParser().parse(List.of("orders"), List.of(), IndirectSelection.CAUTIOUS);
        assertEquals(
                List.of(TestGraphs.id("orders")),
                new SelectorEvaluator(graph, "shop").select(s).nodes());
    }

    @Test
    void aTokenThatMatchesNothingWarnsAsDbtDoes() throws SelectorSyntaxException {
        Selection s = new SelectorEvaluator(shop, "shop").select(new SelectorParser().parse("orders nope"));
        assertEquals(List.of("The selection criterion 'nope' does not match any enabled nodes"), s.warnings());
    }
}
