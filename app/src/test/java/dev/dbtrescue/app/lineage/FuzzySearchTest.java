// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.app.TestSessions;
import dev.dbtrescue.graph.LineageGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class FuzzySearchTest {

    private final LineageGraph demo = TestSessions.failedBuild().project().graph();
    private final FuzzySearch search = new FuzzySearch(demo);

    @Test
    void anExactNameRanksFirst() {
        assertEquals("fct_payments", search.search("fct_payments", 5).get(0).name());
    }

    @Test
    void lettersInOrderFindTheModel() {
        List<String> names =
                search.search("fctpay", 10).stream().map(FuzzySearch.Hit::name).toList();

        assertTrue(names.contains("fct_payments"), names.toString());
    }

    @Test
    void aUniqueIdFindsItsNode() {
        assertEquals(
                "int_payments_converted",
                search.search("model.rescue_shop.int_payments_converted", 3)
                        .get(0)
                        .name());
    }

    @Test
    void aPathFindsTheModelsInThatFolder() {
        List<FuzzySearch.Hit> hits = search.search("models/staging/web", 50);

        assertTrue(!hits.isEmpty());
        for (FuzzySearch.Hit hit : hits) {
            assertTrue(
                    demo.nodeAt(hit.graphIndex()).location().originalFilePath().startsWith("models/staging/web"),
                    hit.toString());
        }
    }

    @Test
    void everyWordMustMatch() {
        List<FuzzySearch.Hit> hits = search.search("stg web", 50);

        assertTrue(hits.stream().anyMatch(h -> h.name().startsWith("stg_web__")), hits.toString());
        for (FuzzySearch.Hit hit : hits) {
            var node = demo.nodeAt(hit.graphIndex());
            for (String word : List.of("stg", "web")) {
                int best = Math.max(
                        FuzzySearch.score(hit.name(), word),
                        Math.max(
                                FuzzySearch.score(node.id().toString(), word),
                                FuzzySearch.score(node.location().originalFilePath(), word)));
                assertTrue(best > 0, hit + " lacks " + word);
            }
        }
        assertEquals(List.of(), search.search("stg zzzz", 50));
    }

    @Test
    void aBlankQueryFindsNothing() {
        assertEquals(List.of(), search.search("  ", 10));
    }

    @Test
    void scoresPreferExactThenPrefixThenSubstringThenScattered() {
        assertTrue(FuzzySearch.score("orders", "orders") > FuzzySearch.score("orders_daily", "orders"));
        assertTrue(FuzzySearch.score("orders_daily", "orders") > FuzzySearch.score("stg_orders", "orders"));
        assertTrue(FuzzySearch.score("stg_orders", "orders") > FuzzySearch.score("o_r_d_e_r_s", "orders"));
        assertEquals(0, FuzzySearch.score("customers", "orders"));
    }
}
