// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.layout;

import dev.dbtrescue.graph.LineageGraph;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;

/** Test inputs for the layout: small graphs from edge lists, random DAGs, and induced subgraphs of a lineage. */
public final class LayoutGraphs {

    private LayoutGraphs() {}

    /**
     * A layout graph with its map back to the lineage: layout node {@code i} is lineage index {@code lineageIndex[i]}.
     */
    public record Induced(LayoutGraph graph, int[] lineageIndex) {}

    /** A graph from edges written as {@code {source, target}} pairs. */
    public static LayoutGraph of(int nodeCount, int[]... edges) {
        int[] sources = Arrays.stream(edges).mapToInt(e -> e[0]).toArray();
        int[] targets = Arrays.stream(edges).mapToInt(e -> e[1]).toArray();
        return LayoutGraph.of(nodeCount, sources, targets);
    }

    /**
     * A random DAG: each edge runs from a lower to a higher index (in a shuffled order of the nodes, so indices are
     * not a topological order), with about {@code edgesPerNode} edges per node and occasional duplicates.
     */
    public static LayoutGraph randomDag(long seed, int nodeCount, double edgesPerNode) {
        Random random = new Random(seed);
        int[] rank = new int[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            rank[i] = i;
        }
        for (int i = nodeCount - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        int edges = nodeCount < 2 ? 0 : (int) Math.round(nodeCount * edgesPerNode);
        int[] sources = new int[edges];
        int[] targets = new int[edges];
        for (int e = 0; e < edges; e++) {
            int a = random.nextInt(nodeCount - 1);
            int span = 1 + random.nextInt(Math.min(random.nextBoolean() ? 3 : 12, nodeCount - 1 - a));
            sources[e] = rank[a];
            targets[e] = rank[a + span];
        }
        return LayoutGraph.of(nodeCount, sources, targets);
    }

    /** The subgraph of a lineage induced by the given node indices, numbered in the order given. O(V + E). */
    public static Induced induced(LineageGraph lineage, int[] lineageIndices) {
        int[] local = new int[lineage.size()];
        Arrays.fill(local, -1);
        for (int i = 0; i < lineageIndices.length; i++) {
            local[lineageIndices[i]] = i;
        }
        int[] sources = new int[lineage.edgeCount()];
        int[] targets = new int[lineage.edgeCount()];
        int edges = 0;
        for (int i = 0; i < lineageIndices.length; i++) {
            for (int child : lineage.childIndices(lineageIndices[i])) {
                if (local[child] >= 0) {
                    sources[edges] = i;
                    targets[edges++] = local[child];
                }
            }
        }
        return new Induced(
                LayoutGraph.of(lineageIndices.length, Arrays.copyOf(sources, edges), Arrays.copyOf(targets, edges)),
                lineageIndices.clone());
    }

    /** As {@link #induced(LineageGraph, int[])}, for the set bits in index order. */
    public static Induced induced(LineageGraph lineage, BitSet nodes) {
        return induced(lineage, nodes.stream().toArray());
    }
}
