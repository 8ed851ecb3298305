// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dbtrescue.app.TestSessions;
import dev.dbtrescue.app.lineage.SelectionViewModel.NodeRow;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NodeListOrderTest {

    private final LineageGraph demo = TestSessions.failedBuild().project().graph();

    /** The node list as it was built before the order was kept: the selection's rows, sorted (stable) by type, name. */
    private static List<NodeRow> sorted(LineageGraph graph, BitSet nodes) {
        List<NodeRow> list = new ArrayList<>();
        for (int i = nodes.nextSetBit(0); i >= 0; i = nodes.nextSetBit(i + 1)) {
            Node node = graph.nodeAt(i);
            list.add(new NodeRow(
                    i, node.displayName(), node.type().dbtName(), node.id().toString()));
        }
        list.sort(Comparator.comparing(NodeRow::type).thenComparing(NodeRow::name));
        return list;
    }

    @Test
    void rowsOfASelectionAreItsRowsSortedByTypeThenNameThenGraphOrder() {
        BitSet all = new BitSet();
        all.set(0, demo.size());
        List<BitSet> selections = new ArrayList<>(List.of(all, new BitSet()));
        Random random = new Random(7);
        for (int k = 0; k < 20; k++) {
            BitSet some = new BitSet();
            for (int i = 0; i < demo.size(); i++) {
                if (random.nextInt(4) == 0) {
                    some.set(i);
                }
            }
            selections.add(some);
        }

        for (BitSet selection : selections) {
            assertEquals(sorted(demo, selection), NodeListOrder.of(demo).rowsOf(selection));
        }
    }

    @Test
    void theOrderIsMadeOncePerGraph() {
        assertSame(NodeListOrder.of(demo), NodeListOrder.of(demo));
    }
}
