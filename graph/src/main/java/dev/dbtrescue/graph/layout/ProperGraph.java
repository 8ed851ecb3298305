// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.layout;

/**
 * The layered graph the layout works on: the real nodes {@code 0..n-1} on their longest-path layers, plus one dummy
 * vertex per layer that an edge crosses, so that every segment joins two adjacent layers ("proper" in Sugiyama's
 * terms). The dummies of edge {@code e} are the vertices {@code n + dummyStart(e) .. n + dummyStart(e+1) - 1}, from
 * the source side to the target side.
 *
 * <p>Layering: a root is on layer 0 and every other node one layer right of its deepest parent. Sinks (exposures,
 * tests) are deliberately <em>not</em> pushed to the last layer: a test or exposure of a staging model would then
 * drag a long edge across the whole drawing, and tests are the most common sink in dbt. Isolated nodes are on layer 0.
 *
 * <p>Building is O(V + E + D) for D dummies.
 */
final class ProperGraph {

    private final LayoutGraph graph;
    private final int realCount;
    private final int[] layer;
    private final int layerCount;
    private final int[] dummyStart;
    private final int[] dummyEdge;
    private final int[] downStart;
    private final int[] down;
    private final int[] upStart;
    private final int[] up;

    ProperGraph(LayoutGraph graph) {
        this.graph = graph;
        this.realCount = graph.nodeCount();
        int edges = graph.edgeCount();
        int[] realLayer = longestPathLayers(graph);
        int maxLayer = -1;
        for (int l : realLayer) {
            maxLayer = Math.max(maxLayer, l);
        }
        this.layerCount = maxLayer + 1;
        this.dummyStart = new int[edges + 1];
        for (int e = 0; e < edges; e++) {
            int span = realLayer[graph.edgeTarget(e)] - realLayer[graph.edgeSource(e)];
            dummyStart[e + 1] = dummyStart[e] + span - 1;
        }
        int dummies = dummyStart[edges];
        this.dummyEdge = new int[dummies];
        this.layer = new int[realCount + dummies];
        System.arraycopy(realLayer, 0, layer, 0, realCount);
        for (int e = 0; e < edges; e++) {
            for (int d = dummyStart[e]; d < dummyStart[e + 1]; d++) {
                dummyEdge[d] = e;
                layer[realCount + d] = realLayer[graph.edgeSource(e)] + 1 + d - dummyStart[e];
            }
        }
        int vertices = layer.length;
        this.downStart = new int[vertices + 1];
        this.upStart = new int[vertices + 1];
        this.down = new int[edges + dummies];
        this.up = new int[edges + dummies];
        link();
    }

    private static int[] longestPathLayers(LayoutGraph graph) {
        int[] layer = new int[graph.nodeCount()];
        for (int v : graph.topologicalOrder()) {
            for (int k = graph.inStart(v); k < graph.inStart(v + 1); k++) {
                layer[v] = Math.max(layer[v], layer[graph.edgeSource(graph.inEdge(k))] + 1);
            }
        }
        return layer;
    }

    /** Fills the segment lists: per vertex its neighbours on the next layer (down) and on the previous one (up). */
    private void link() {
        for (int v = 0; v < realCount; v++) {
            downStart[v + 1] = downStart[v] + graph.outStart(v + 1) - graph.outStart(v);
            upStart[v + 1] = upStart[v] + graph.inStart(v + 1) - graph.inStart(v);
        }
        for (int v = realCount; v < layer.length; v++) {
            downStart[v + 1] = downStart[v] + 1;
            upStart[v + 1] = upStart[v] + 1;
        }
        for (int v = 0; v < realCount; v++) {
            int at = downStart[v];
            for (int k = graph.outStart(v); k < graph.outStart(v + 1); k++) {
                down[at++] = firstAfterSource(graph.outEdge(k));
            }
            at = upStart[v];
            for (int k = graph.inStart(v); k < graph.inStart(v + 1); k++) {
                up[at++] = lastBeforeTarget(graph.inEdge(k));
            }
        }
        for (int d = 0; d < dummyEdge.length; d++) {
            int e = dummyEdge[d];
            int v = realCount + d;
            down[downStart[v]] = d + 1 < dummyStart[e + 1] ? v + 1 : graph.edgeTarget(e);
            up[upStart[v]] = d > dummyStart[e] ? v - 1 : graph.edgeSource(e);
        }
    }

    private int firstAfterSource(int edge) {
        return dummyStart[edge] < dummyStart[edge + 1] ? realCount + dummyStart[edge] : graph.edgeTarget(edge);
    }

    private int lastBeforeTarget(int edge) {
        return dummyStart[edge] < dummyStart[edge + 1] ? realCount + dummyStart[edge + 1] - 1 : graph.edgeSource(edge);
    }

    LayoutGraph graph() {
        return graph;
    }

    /** Real nodes and dummies. */
    int vertexCount() {
        return layer.length;
    }

    int layerCount() {
        return layerCount;
    }

    int layer(int vertex) {
        return layer[vertex];
    }

    boolean isDummy(int vertex) {
        return vertex >= realCount;
    }

    boolean isIsolated(int vertex) {
        return downStart[vertex] == downStart[vertex + 1] && upStart[vertex] == upStart[vertex + 1];
    }

    int dummyStart(int edge) {
        return dummyStart[edge];
    }

    int[] down() {
        return down;
    }

    int[] downStarts() {
        return downStart;
    }

    int[] up() {
        return up;
    }

    int[] upStarts() {
        return upStart;
    }
}
