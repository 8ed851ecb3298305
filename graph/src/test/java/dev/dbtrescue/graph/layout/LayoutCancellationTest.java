// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LayoutCancellationTest {

    /** Two crossing pairs, so the sweeps have work to do. */
    private final LayoutGraph graph = LayoutGraph.of(6, new int[] {0, 1, 2, 3, 0, 1}, new int[] {4, 5, 4, 5, 5, 4});

    private final LayeredLayout layout = new LayeredLayout(LayoutOptions.DEFAULT);

    @Test
    void aLayoutNobodyCancelsIsTheUsualOne() {
        LayoutResult plain = layout.layout(graph);
        LayoutResult watched = layout.layout(graph, () -> false);

        for (int v = 0; v < graph.nodeCount(); v++) {
            assertArrayEquals(new double[] {plain.x(v), plain.y(v)}, new double[] {watched.x(v), watched.y(v)});
        }
    }

    @Test
    void aCancelledLayoutStopsAtTheNextPass() {
        AtomicInteger asked = new AtomicInteger();

        assertThrows(CancellationException.class, () -> layout.layout(graph, () -> asked.incrementAndGet() > 1));
        assertTrue(asked.get() == 2, "stopped at the first question answered yes, asked " + asked.get() + " times");
    }
}
