// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.layout;

/**
 * The top-to-bottom order of the vertices of each layer of a {@link ProperGraph}, and its crossing count. Mutable;
 * owned by one layout run.
 */
final class Ordering {

    private final ProperGraph graph;
    private final int[][] layers;
    private final int[] position;

    /**
     * The initial order: each layer in vertex order (real nodes by index, then dummies by edge), with the isolated
     * nodes of layer 0 moved to its bottom.
     */
    Ordering(ProperGraph graph) {
        this.graph = graph;
        int[] sizes = new int[graph.layerCount()];
        for (int v = 0; v < graph.vertexCount(); v++) {
            sizes[graph.layer(v)]++;
        }
        this.layers = new int[graph.layerCount()][];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new int[sizes[l]];
        }
        this.position = new int[graph.vertexCount()];
        int[] fill = new int[layers.length];
        for (int pass = 0; pass < 2; pass++) {
            for (int v = 0; v < graph.vertexCount(); v++) {
                if (graph.isIsolated(v) == (pass == 1)) {
                    int l = graph.layer(v);
                    position[v] = fill[l];
                    layers[l][fill[l]++] = v;
                }
            }
        }
    }

    private Ordering(Ordering other) {
        this.graph = other.graph;
        this.layers = new int[other.layers.length][];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = other.layers[l].clone();
        }
        this.position = other.position.clone();
    }

    Ordering copy() {
        return new Ordering(this);
    }

    int layerCount() {
        return layers.length;
    }

    int layerSize(int layer) {
        return layers[layer].length;
    }

    /** The vertex at an index of a layer. */
    int vertexAt(int layer, int index) {
        return layers[layer][index];
    }

    int position(int vertex) {
        return position[vertex];
    }

    /** Replaces a layer's order; {@code vertices} must be a permutation of the layer and is kept. */
    void setLayer(int layer, int[] vertices) {
        layers[layer] = vertices;
        for (int i = 0; i < vertices.length; i++) {
            position[vertices[i]] = i;
        }
    }

    /**
     * Segment crossings between all adjacent layers: Barth, Jünger and Mutzel's accumulator, counting inversions of
     * the lower endpoints with a Fenwick tree while the upper endpoints are taken in order. Segments that share an
     * endpoint never count. O(S log V) for S segments.
     */
    long crossings() {
        long total = 0;
        int[] down = graph.down();
        int[] downStart = graph.downStarts();
        for (int l = 0; l + 1 < layers.length; l++) {
            int[] tree = new int[layers[l + 1].length + 1];
            int inserted = 0;
            for (int upper : layers[l]) {
                for (int k = downStart[upper]; k < downStart[upper + 1]; k++) {
                    total += inserted - countAtMost(tree, position[down[k]]);
                }
                for (int k = downStart[upper]; k < downStart[upper + 1]; k++) {
                    for (int i = position[down[k]] + 1; i < tree.length; i += i & -i) {
                        tree[i]++;
                    }
                    inserted++;
                }
            }
        }
        return total;
    }

    private static int countAtMost(int[] tree, int position) {
        int count = 0;
        for (int i = position + 1; i > 0; i -= i & -i) {
            count += tree[i];
        }
        return count;
    }
}
