// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.layout;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable directed acyclic graph over the node indices {@code 0..nodeCount()-1}, the input of {@link
 * LayeredLayout}. Edge {@code e} runs from {@link #edgeSource(int)} to {@link #edgeTarget(int)}; parallel edges are
 * allowed and keep their own edge indices, so that a caller can map edges back one to one.
 *
 * <p>Besides the edge list the graph keeps compressed outgoing and incoming edge lists and one topological order,
 * both computed once by {@link #of(int, int[], int[])} in O(V + E). Immutable and thread-safe.
 */
public final class LayoutGraph {

    private final int nodeCount;
    private final int[] sources;
    private final int[] targets;
    private final int[] outStart;
    private final int[] outEdges;
    private final int[] inStart;
    private final int[] inEdges;
    private final int[] topologicalOrder;

    private LayoutGraph(int nodeCount, int[] sources, int[] targets) {
        this.nodeCount = nodeCount;
        this.sources = sources;
        this.targets = targets;
        this.outStart = new int[nodeCount + 1];
        this.outEdges = new int[sources.length];
        this.inStart = new int[nodeCount + 1];
        this.inEdges = new int[sources.length];
        bucket(sources, outStart, outEdges);
        bucket(targets, inStart, inEdges);
        this.topologicalOrder = kahn();
    }

    /**
     * Builds a graph whose edge {@code i} runs from {@code edgeSources[i]} to {@code edgeTargets[i]}. The arrays are
     * copied. O(V + E).
     *
     * @param nodeCount the number of nodes, at least 0
     * @param edgeSources the source node of each edge
     * @param edgeTargets the target node of each edge, as long as {@code edgeSources}
     * @return the graph
     * @throws IllegalArgumentException if {@code nodeCount} is negative, the arrays differ in length, an endpoint is
     *     out of range, an edge is a self loop, or the edges form a cycle (the message names the nodes of one cycle)
     */
    public static LayoutGraph of(int nodeCount, int[] edgeSources, int[] edgeTargets) {
        Objects.requireNonNull(edgeSources, "edgeSources");
        Objects.requireNonNull(edgeTargets, "edgeTargets");
        if (nodeCount < 0) {
            throw new IllegalArgumentException("nodeCount must not be negative: " + nodeCount);
        }
        if (edgeSources.length != edgeTargets.length) {
            throw new IllegalArgumentException(
                    "edgeSources has " + edgeSources.length + " entries but edgeTargets has " + edgeTargets.length);
        }
        for (int e = 0; e < edgeSources.length; e++) {
            int s = edgeSources[e];
            int t = edgeTargets[e];
            if (s < 0 || s >= nodeCount || t < 0 || t >= nodeCount) {
                throw new IllegalArgumentException(
                        "edge " + e + " (" + s + " -> " + t + ") has an endpoint outside 0.." + (nodeCount - 1));
            }
            if (s == t) {
                throw new IllegalArgumentException("edge " + e + " is a self loop on node " + s);
            }
        }
        return new LayoutGraph(nodeCount, edgeSources.clone(), edgeTargets.clone());
    }

    /** The number of nodes. */
    public int nodeCount() {
        return nodeCount;
    }

    /** The number of edges, parallel edges counted separately. */
    public int edgeCount() {
        return sources.length;
    }

    /**
     * The node an edge starts at.
     *
     * @throws IndexOutOfBoundsException if {@code edge} is not in {@code 0..edgeCount()-1}
     */
    public int edgeSource(int edge) {
        return sources[Objects.checkIndex(edge, sources.length)];
    }

    /**
     * The node an edge ends at.
     *
     * @throws IndexOutOfBoundsException if {@code edge} is not in {@code 0..edgeCount()-1}
     */
    public int edgeTarget(int edge) {
        return targets[Objects.checkIndex(edge, targets.length)];
    }

    int outStart(int node) {
        return outStart[node];
    }

    int outEdge(int k) {
        return outEdges[k];
    }

    int inStart(int node) {
        return inStart[node];
    }

    int inEdge(int k) {
        return inEdges[k];
    }

    /** Every node, each after all its parents; ties in index order, so the order is deterministic. */
    int[] topologicalOrder() {
        return topologicalOrder;
    }

    private void bucket(int[] endpoint, int[] start, int[] edges) {
        for (int node : endpoint) {
            start[node + 1]++;
        }
        for (int v = 0; v < nodeCount; v++) {
            start[v + 1] += start[v];
        }
        int[] next = start.clone();
        for (int e = 0; e < endpoint.length; e++) {
            edges[next[endpoint[e]]++] = e;
        }
    }

    /** Kahn's algorithm with a FIFO queue seeded in index order. */
    private int[] kahn() {
        int[] inDegree = new int[nodeCount];
        for (int t : targets) {
            inDegree[t]++;
        }
        int[] order = new int[nodeCount];
        int tail = 0;
        for (int v = 0; v < nodeCount; v++) {
            if (inDegree[v] == 0) {
                order[tail++] = v;
            }
        }
        for (int head = 0; head < tail; head++) {
            int v = order[head];
            for (int k = outStart[v]; k < outStart[v + 1]; k++) {
                int child = targets[outEdges[k]];
                if (--inDegree[child] == 0) {
                    order[tail++] = child;
                }
            }
        }
        if (tail < nodeCount) {
            throw new IllegalArgumentException("the edges form a cycle: " + cycle(inDegree));
        }
        return order;
    }

    /**
     * One cycle among the nodes Kahn's algorithm could not order: each of them still has a parent that is also
     * unordered, so walking such parents must revisit a node.
     */
    private String cycle(int[] inDegree) {
        int v = 0;
        while (inDegree[v] == 0) {
            v++;
        }
        int[] seenAt = new int[nodeCount];
        Arrays.fill(seenAt, -1);
        int[] path = new int[nodeCount + 1];
        int length = 0;
        while (seenAt[v] < 0) {
            seenAt[v] = length;
            path[length++] = v;
            v = unorderedParent(v, inDegree);
        }
        // path[seenAt[v]..length-1] is the cycle against the edge direction; print it along the edges from its
        // smallest node, so that the message does not depend on where the walk started
        int from = seenAt[v];
        int smallest = from;
        for (int i = from; i < length; i++) {
            smallest = path[i] < path[smallest] ? i : smallest;
        }
        StringBuilder text = new StringBuilder();
        for (int step = 0, i = smallest; step <= length - from; step++) {
            text.append(step == 0 ? "" : " -> ").append(path[i]);
            i = i == from ? length - 1 : i - 1;
        }
        return text.toString();
    }

    private int unorderedParent(int node, int[] inDegree) {
        for (int k = inStart[node]; k < inStart[node + 1]; k++) {
            int parent = sources[inEdges[k]];
            if (inDegree[parent] > 0) {
                return parent;
            }
        }
        throw new IllegalStateException("node " + node + " has no unordered parent");
    }
}
