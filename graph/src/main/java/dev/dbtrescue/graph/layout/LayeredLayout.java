// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.layout;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * A fast layered (Sugiyama-style) layout, left to right, for whole dbt lineage graphs: sources on the left, exposures
 * and tests on the right.
 *
 * <ol>
 *   <li>Layers by longest path from the roots (a node one layer right of its deepest parent; roots and isolated
 *       nodes on layer 0; sinks are not pushed right, see ADR 0008).
 *   <li>One dummy vertex per layer a long edge crosses.
 *   <li>Barycenter sweeps on relative positions, keeping the ordering with the fewest crossings (Fenwick-tree count).
 *   <li>Packed y coordinates (dummies in thin slots), each layer centred, then a few straightening passes that pull
 *       vertices toward their neighbours' median without breaking order or gaps.
 * </ol>
 *
 * <p>Deterministic: the same graph and options always give the same drawing. About O((V + D + E) × sweeps × log V)
 * for D dummies; on the 15,000-model benchmark project well under a second on 2 cores (ADR 0008). Stateless and
 * thread-safe: one instance can lay out many graphs, from any thread.
 */
public final class LayeredLayout {

    private final LayoutOptions options;

    /**
     * @param options the sizes and effort
     */
    public LayeredLayout(LayoutOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Lays out a graph.
     *
     * @param graph the DAG to draw
     * @return the drawing
     */
    public LayoutResult layout(LayoutGraph graph) {
        return layout(graph, () -> false);
    }

    /**
     * Lays out a graph unless the caller gives up: {@code cancelled} is asked between sweeps and straightening
     * passes, so a layout that a newer request made useless stops within one pass.
     *
     * @param graph the DAG to draw
     * @param cancelled true once the result is no longer wanted
     * @return the drawing
     * @throws CancellationException once {@code cancelled} answers true
     */
    public LayoutResult layout(LayoutGraph graph, BooleanSupplier cancelled) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(cancelled, "cancelled");
        ProperGraph proper = new ProperGraph(graph);
        Ordering ordering = new BarycenterSweeps(proper).minimize(new Ordering(proper), options.sweeps(), cancelled);
        double[] y = new VerticalPlacement(proper, ordering, options).place(cancelled);
        return new LayoutResult(proper, options, y, ordering.crossings());
    }

    /** Throws if the caller gave up. */
    static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("layout cancelled");
        }
    }
}
