// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The evaluator merges a union's criteria that have equal operators into one graph walk; this holds the merged
 * evaluation to the member-by-member one (which the dbt {@code ls} goldens check) on random graphs and unions.
 */
class UnionPropertyTest {

    private static final String[] OPERATORS = {"%s", "%s+", "+%s", "+%s+", "1+%s", "%s+2", "2+%s+1", "@%s"};

    @Property(tries = 300)
    void aUnionIsTheUnionOfItsMembers(
            @ForAll @IntRange(min = 3, max = 40) int size,
            @ForAll @IntRange(min = 1, max = 12) int members,
            @ForAll long seed,
            @ForAll boolean eager)
            throws SelectorSyntaxException {
        Random random = new Random(seed);
        LineageGraph graph = randomGraph(size, random);
        List<String> criteria = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String node = switch (random.nextInt(8)) {
                case 0 -> "n" + random.nextInt(4) + "*"; // a wildcard: several seeds in one member
                case 1 -> "resource_type:seed";
                case 2 -> "missing" + random.nextInt(2); // matches nothing: dbt warns about it
                default -> "n" + random.nextInt(size);
            };
            criteria.add(String.format(OPERATORS[random.nextInt(OPERATORS.length)], node));
        }
        IndirectSelection mode = eager ? IndirectSelection.EAGER : IndirectSelection.EMPTY;
        var merged = new SelectorEvaluator(graph, "shop");
        var plain = new SelectorEvaluator(graph, "shop");
        plain.evaluateUnionsOneByOne();
        Selector union = new SelectorParser().parse(List.of(String.join(" ", criteria)), List.of(), mode);

        Selection mergedSelection = merged.select(union);
        Selection plainSelection = plain.select(union);
        Set<NodeId> together = new TreeSet<>(mergedSelection.nodes());
        Set<NodeId> oneByOne = new TreeSet<>(plainSelection.nodes());
        Set<NodeId> each = new TreeSet<>();
        for (String criterion : criteria) {
            each.addAll(plain.select(new SelectorParser().parse(List.of(criterion), List.of(), mode))
                    .nodes());
        }

        assertEquals(each, oneByOne, "a union is the union of its members' selections");
        assertEquals(oneByOne, together, String.join(" ", criteria));
        assertEquals(plainSelection.warnings(), mergedSelection.warnings(), String.join(" ", criteria));
    }

    /** Models (and some seeds) n0..n(size-1) with random edges from lower to higher numbers, some tested. */
    private static LineageGraph randomGraph(int size, Random random) {
        List<String> chains = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            boolean hasParent = false;
            for (int j = Math.max(0, i - 6); j < i; j++) {
                if (random.nextInt(3) == 0) {
                    chains.add("n" + j + " -> n" + i);
                    hasParent = true;
                }
            }
            if (!hasParent) {
                chains.add(random.nextInt(4) == 0 ? "seed:n" + i : "n" + i);
            }
            if (random.nextInt(3) == 0) {
                chains.add("n" + i + " -> test:t_n" + i);
            }
            if (i > 0 && random.nextInt(5) == 0) {
                chains.add("n" + i + " -> test:rel_" + i);
                chains.add("n" + random.nextInt(i) + " -> test:rel_" + i);
            }
        }
        return TestGraphs.of(chains.toArray(String[]::new));
    }
}
