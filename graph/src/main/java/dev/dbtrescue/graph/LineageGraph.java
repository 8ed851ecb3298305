// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The lineage DAG of a dbt project over every resource type, with edges from {@code depends_on.nodes} (parent →
 * child), which is exactly dbt's selection graph (dbt-reference §1.7).
 *
 * <p>The canonical structure is a JGraphT graph ({@link #asGraph()}); for the hot queries (parents, children,
 * ancestors and descendants with a depth limit, topological order, depth) the graph also keeps compact index arrays,
 * so that traversals cost O(visited nodes + edges) with no hashing per step.
 *
 * <p>Immutable and thread-safe. Building is O(V + E).
 */
public final class LineageGraph {

    /** No depth limit for {@link #ancestorsOf(Collection, int)} and {@link #descendantsOf(Collection, int)}. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final Node[] nodes;
    private final Map<NodeId, Integer> index;
    private final int[] parentStart;
    private final int[] parents;
    private final int[] childStart;
    private final int[] children;
    private final int[] topoOrder;
    private final int[] depth;
    private final int maxDepth;
    private final List<Dependency> dangling;
    private final BitSet hasDanglingParent;
    private volatile @Nullable Graph<NodeId, DefaultEdge> graph;

    private LineageGraph(Node[] nodes, Map<NodeId, Integer> index, int[][] parentLists, List<Dependency> dangling) {
        this.nodes = nodes;
        this.index = index;
        this.dangling = List.copyOf(dangling);
        int n = nodes.length;
        this.hasDanglingParent = new BitSet(n);
        for (Dependency d : dangling) {
            hasDanglingParent.set(index.get(d.child()));
        }
        this.parentStart = new int[n + 1];
        int edges = 0;
        for (int i = 0; i < n; i++) {
            parentStart[i] = edges;
            edges += parentLists[i].length;
        }
        parentStart[n] = edges;
        this.parents = new int[edges];
        int[] childCount = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(parentLists[i], 0, parents, parentStart[i], parentLists[i].length);
            for (int p : parentLists[i]) {
                childCount[p]++;
            }
        }
        this.childStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            childStart[i + 1] = childStart[i] + childCount[i];
        }
        this.children = new int[edges];
        int[] fill = Arrays.copyOf(childStart, n);
        for (int child = 0; child < n; child++) {
            for (int k = parentStart[child]; k < parentStart[child + 1]; k++) {
                children[fill[parents[k]]++] = child;
            }
        }
        this.topoOrder = topologicalSort(n);
        this.depth = new int[n];
        int deepest = 0;
        for (int node : topoOrder) {
            int d = 0;
            for (int k = parentStart[node]; k < parentStart[node + 1]; k++) {
                d = Math.max(d, depth[parents[k]] + 1);
            }
            depth[node] = d;
            deepest = Math.max(deepest, d);
        }
        this.maxDepth = deepest;
    }

    /**
     * Builds the graph of the given resources. A {@code depends_on} entry naming a resource that is not among
     * {@code nodes} (disabled, or a manifest cut short) gives no edge and is reported by
     * {@link #danglingDependencies()}. Duplicate entries give one edge.
     *
     * @throws CyclicDependencyException if the dependencies form a cycle
     */
    public static LineageGraph of(Collection<Node> nodes) {
        Node[] array = nodes.toArray(Node[]::new);
        Map<NodeId, Integer> index = HashMap.newHashMap(array.length);
        for (int i = 0; i < array.length; i++) {
            if (index.putIfAbsent(array[i].id(), i) != null) {
                throw new IllegalArgumentException("duplicate node " + array[i].id());
            }
        }
        List<Dependency> dangling = new ArrayList<>();
        int[][] parentLists = new int[array.length][];
        for (int i = 0; i < array.length; i++) {
            List<NodeId> declared = array[i].dependsOn().nodes();
            int[] list = new int[declared.size()];
            int count = 0;
            for (NodeId parent : declared) {
                Integer p = index.get(parent);
                if (p == null) {
                    dangling.add(new Dependency(parent, array[i].id()));
                } else if (!contains(list, count, p)) {
                    list[count++] = p;
                }
            }
            parentLists[i] = count == list.length ? list : Arrays.copyOf(list, count);
        }
        return new LineageGraph(array, index, parentLists, dangling);
    }

    private static boolean contains(int[] list, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (list[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** Kahn's algorithm; ties are broken by input order, so the order is deterministic. */
    private int[] topologicalSort(int n) {
        int[] inDegree = new int[n];
        for (int i = 0; i < n; i++) {
            inDegree[i] = parentStart[i + 1] - parentStart[i];
        }
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (inDegree[i] == 0) {
                order[tail++] = i;
            }
        }
        while (head < tail) {
            int node = order[head++];
            for (int k = childStart[node]; k < childStart[node + 1]; k++) {
                if (--inDegree[children[k]] == 0) {
                    order[tail++] = children[k];
                }
            }
        }
        if (tail < n) {
            List<NodeId> stuck = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (inDegree[i] > 0) {
                    stuck.add(nodes[i].id());
                }
            }
            throw new CyclicDependencyException(stuck);
        }
        return order;
    }

    private Graph<NodeId, DefaultEdge> buildJGraphT() {
        Graph<NodeId, DefaultEdge> g = GraphTypeBuilder.<NodeId, DefaultEdge>directed()
                .allowingMultipleEdges(false)
                .allowingSelfLoops(false)
                .edgeClass(DefaultEdge.class)
                .buildGraph();
        for (Node node : nodes) {
            g.addVertex(node.id());
        }
        for (int child = 0; child < nodes.length; child++) {
            for (int k = parentStart[child]; k < parentStart[child + 1]; k++) {
                g.addEdge(nodes[parents[k]].id(), nodes[child].id());
            }
        }
        return new AsUnmodifiableGraph<>(g);
    }

    /** The number of resources. */
    public int size() {
        return nodes.length;
    }

    /** The number of dependency edges. */
    public int edgeCount() {
        return parents.length;
    }

    /** Every resource, in the order given to {@link #of(Collection)}. */
    public List<Node> nodes() {
        return Collections.unmodifiableList(Arrays.asList(nodes));
    }

    /** True if the graph holds this id. */
    public boolean contains(NodeId id) {
        return index.containsKey(id);
    }

    /** The resource with this id, if present. */
    public Optional<Node> node(NodeId id) {
        Integer i = index.get(id);
        return i == null ? Optional.empty() : Optional.of(nodes[i]);
    }

    /**
     * The resource with this id.
     *
     * @throws UnknownNodeException if absent
     */
    public Node requireNode(NodeId id) {
        return nodes[indexOf(id)];
    }

    /** Direct parents, in {@code depends_on} order. O(parents). */
    public List<NodeId> parentsOf(NodeId id) {
        int i = indexOf(id);
        return ids(parents, parentStart[i], parentStart[i + 1]);
    }

    /** Direct children. O(children). */
    public List<NodeId> childrenOf(NodeId id) {
        int i = indexOf(id);
        return ids(children, childStart[i], childStart[i + 1]);
    }

    /** Every ancestor of {@code id}, without {@code id} itself. */
    public Set<NodeId> ancestorsOf(NodeId id) {
        return ancestorsOf(List.of(id), UNLIMITED);
    }

    /** Every descendant of {@code id}, without {@code id} itself. */
    public Set<NodeId> descendantsOf(NodeId id) {
        return descendantsOf(List.of(id), UNLIMITED);
    }

    /**
     * Ancestors of any of {@code roots} at most {@code maxDepth} edges up (1 = parents), excluding the roots unless one
     * root is an ancestor of another. In breadth-first order. O(visited nodes + their edges).
     *
     * @throws UnknownNodeException if a root is absent
     * @throws IllegalArgumentException if {@code maxDepth} is negative
     */
    public Set<NodeId> ancestorsOf(Collection<NodeId> roots, int maxDepth) {
        return walk(roots, maxDepth, parentStart, parents);
    }

    /** As {@link #ancestorsOf(Collection, int)}, downstream. */
    public Set<NodeId> descendantsOf(Collection<NodeId> roots, int maxDepth) {
        return walk(roots, maxDepth, childStart, children);
    }

    private Set<NodeId> walk(Collection<NodeId> roots, int maxDepth, int[] start, int[] adjacent) {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("depth must be zero or more, was " + maxDepth);
        }
        BitSet seen = new BitSet(nodes.length);
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        for (NodeId root : roots) {
            queue.add(new int[] {indexOf(root), 0});
        }
        Set<NodeId> found = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            int[] item = queue.poll();
            int node = item[0];
            if (item[1] >= maxDepth) {
                continue;
            }
            for (int k = start[node]; k < start[node + 1]; k++) {
                int next = adjacent[k];
                if (!seen.get(next)) {
                    seen.set(next);
                    found.add(nodes[next].id());
                    queue.add(new int[] {next, item[1] + 1});
                }
            }
        }
        return Collections.unmodifiableSet(found);
    }

    /**
     * The index of a node, 0 to {@link #size()} - 1, in the order given to {@link #of(Collection)}: the key of the
     * index-level queries below, which work on {@link BitSet}s for speed.
     *
     * @throws UnknownNodeException if absent
     */
    public int indexOf(NodeId id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new UnknownNodeException(id);
        }
        return i;
    }

    /** The node at an index. */
    public Node nodeAt(int index) {
        return nodes[index];
    }

    /**
     * Ancestors of the set bits of {@code roots} at most {@code maxDepth} hops up, as a new set that excludes the
     * roots unless one is reached from another. O(visited nodes + their edges).
     */
    public BitSet ancestors(BitSet roots, int maxDepth) {
        return walk(roots, maxDepth, parentStart, parents);
    }

    /** As {@link #ancestors(BitSet, int)}, downstream. */
    public BitSet descendants(BitSet roots, int maxDepth) {
        return walk(roots, maxDepth, childStart, children);
    }

    /**
     * True if every parent of the node at {@code index} is set in {@code set} (vacuously true without parents); false
     * when the node depends on a resource missing from the graph, as dbt compares the declared {@code depends_on}.
     */
    public boolean parentsWithin(int index, BitSet set) {
        if (hasDanglingParent.get(index)) {
            return false;
        }
        for (int k = parentStart[index]; k < parentStart[index + 1]; k++) {
            if (!set.get(parents[k])) {
                return false;
            }
        }
        return true;
    }

    /** The indices of the direct parents of the node at {@code index}, as a new array. */
    public int[] parentIndices(int index) {
        return Arrays.copyOfRange(parents, parentStart[index], parentStart[index + 1]);
    }

    /** The indices of the direct children of the node at {@code index}, as a new array. */
    public int[] childIndices(int index) {
        return Arrays.copyOfRange(children, childStart[index], childStart[index + 1]);
    }

    /** Every index, parents before children, in the order of {@link #topologicalOrder()}, as a new array. */
    public int[] topologicalIndices() {
        return topoOrder.clone();
    }

    /** The direct children of the set bits, as a new set. */
    public BitSet children(BitSet of) {
        BitSet out = new BitSet(nodes.length);
        for (int i = of.nextSetBit(0); i >= 0; i = of.nextSetBit(i + 1)) {
            for (int k = childStart[i]; k < childStart[i + 1]; k++) {
                out.set(children[k]);
            }
        }
        return out;
    }

    private BitSet walk(BitSet roots, int maxDepth, int[] start, int[] adjacent) {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("depth must be zero or more, was " + maxDepth);
        }
        BitSet seen = new BitSet(nodes.length);
        BitSet frontier = (BitSet) roots.clone();
        for (int depth = 0; depth < maxDepth && !frontier.isEmpty(); depth++) {
            BitSet next = new BitSet(nodes.length);
            for (int i = frontier.nextSetBit(0); i >= 0; i = frontier.nextSetBit(i + 1)) {
                for (int k = start[i]; k < start[i + 1]; k++) {
                    int n = adjacent[k];
                    if (!seen.get(n)) {
                        seen.set(n);
                        next.set(n);
                    }
                }
            }
            frontier = next;
        }
        return seen;
    }

    /** Every resource, parents before children; deterministic for the same input. */
    public List<NodeId> topologicalOrder() {
        return ids(topoOrder, 0, topoOrder.length);
    }

    /** The length of the longest path from a resource with no parents to {@code id} (0 for sources and roots). */
    public int depthOf(NodeId id) {
        return depth[indexOf(id)];
    }

    /** The largest {@link #depthOf(NodeId)} in the graph. */
    public int maxDepth() {
        return maxDepth;
    }

    /** {@code depends_on} entries that named resources absent from the graph. */
    public List<Dependency> danglingDependencies() {
        return dangling;
    }

    /**
     * A read-only JGraphT graph with the same vertices and edges, for algorithms from that library. Built on first
     * call (O(V + E)) and kept.
     */
    public Graph<NodeId, DefaultEdge> asGraph() {
        Graph<NodeId, DefaultEdge> built = graph;
        if (built == null) {
            synchronized (this) {
                built = graph;
                if (built == null) {
                    built = buildJGraphT();
                    graph = built;
                }
            }
        }
        return built;
    }

    private List<NodeId> ids(int[] array, int from, int to) {
        NodeId[] out = new NodeId[to - from];
        for (int k = from; k < to; k++) {
            out[k - from] = nodes[array[k]].id();
        }
        return List.of(out);
    }
}
