// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.layout;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The drawing's invariants over random DAGs, sizes and option values. */
class LayoutPropertyTest {

    @Property(tries = 200)
    void everyDrawingOfARandomDagIsValid(
            @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 60) int nodes,
            @ForAll @DoubleRange(min = 0, max = 3) double edgesPerNode,
            @ForAll @IntRange(min = 0, max = 12) int sweeps,
            @ForAll @DoubleRange(min = 0, max = 40) double nodeGap) {
        LayoutGraph graph = LayoutGraphs.randomDag(seed, nodes, edgesPerNode);
        LayoutOptions options = new LayoutOptions(120, 30, 50, nodeGap, sweeps);
        LayoutInvariants.assertValid(graph, new LayeredLayout(options).layout(graph), options);
    }

    @Property(tries = 100)
    void sweepsNeverEndWithMoreCrossingsThanTheInitialOrder(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 80) int nodes) {
        LayoutGraph graph = LayoutGraphs.randomDag(seed, nodes, 2);
        long initial = new LayeredLayout(LayoutOptions.DEFAULT.withSweeps(0))
                .layout(graph)
                .crossings();
        long swept = new LayeredLayout(LayoutOptions.DEFAULT).layout(graph).crossings();
        assertTrue(swept <= initial, swept + " > " + initial);
    }
}
