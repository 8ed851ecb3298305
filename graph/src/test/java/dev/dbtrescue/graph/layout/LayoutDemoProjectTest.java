// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ManifestReader;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The layout of the demo project's real lineage, written by real dbt. */
class LayoutDemoProjectTest {

    private static LineageGraph demo() throws Exception {
        return LineageGraph.of(new ManifestReader()
                .read(Fixtures.demo("failed-build").resolve("manifest.json"))
                .nodes()
                .values());
    }

    @Test
    void demoLineageIsDrawnValidlyWithSourcesInTheFirstColumn() throws Exception {
        LineageGraph lineage = demo();
        LayoutGraphs.Induced all =
                LayoutGraphs.induced(lineage, IntStream.range(0, lineage.size()).toArray());
        LayoutResult result = new LayeredLayout(LayoutOptions.DEFAULT).layout(all.graph());
        LayoutInvariants.assertValid(all.graph(), result, LayoutOptions.DEFAULT);
        assertEquals(lineage.edgeCount(), all.graph().edgeCount());
        for (int v = 0; v < lineage.size(); v++) {
            if (lineage.nodeAt(v).type() == NodeType.SOURCE) {
                assertEquals(0, result.layer(v), lineage.nodeAt(v).id().toString());
            }
        }
    }

    @Test
    void demoLineageWithoutTestsHasFewerCrossingsThanItsInitialOrder() throws Exception {
        LineageGraph lineage = demo();
        int[] shown = IntStream.range(0, lineage.size())
                .filter(v -> lineage.nodeAt(v).type() != NodeType.TEST
                        && lineage.nodeAt(v).type() != NodeType.UNIT_TEST)
                .toArray();
        LayoutGraph graph = LayoutGraphs.induced(lineage, shown).graph();
        LayoutResult initial = new LayeredLayout(LayoutOptions.DEFAULT.withSweeps(0)).layout(graph);
        LayoutResult swept = new LayeredLayout(LayoutOptions.DEFAULT).layout(graph);
        LayoutInvariants.assertValid(graph, swept, LayoutOptions.DEFAULT);
        assertTrue(
                swept.crossings() < initial.crossings() || initial.crossings() == 0,
                swept.crossings() + " vs " + initial.crossings());
    }
}
