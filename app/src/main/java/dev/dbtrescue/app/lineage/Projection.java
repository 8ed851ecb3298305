// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The drawn graph: the lineage graph's nodes as "items" after hiding types, limiting to a scope and collapsing groups,
 * with the edges between items. Item edges always run from a lower to a higher topological position, so they form a
 * DAG that can be laid out; the few edges that collapsing would turn backwards are kept apart as {@link #backEdges()}.
 * Hidden tests are rolled up onto the node they test. Pure and immutable; O(V + E) to build.
 */
public final class Projection {

    private final LineageGraph graph;
    private final int[] itemOfNode;
    private final int[][] members;
    private final String[] groups;
    private final String[] labels;
    private final int[] edgeSource;
    private final int[] edgeTarget;
    private final int[] backSource;
    private final int[] backTarget;
    private final int[][] tests;
    private final int[] rolledInto;

    private Projection(LineageGraph graph, Builder b) {
        this.graph = graph;
        this.itemOfNode = b.itemOfNode;
        this.members = b.members.toArray(int[][]::new);
        this.groups = b.groups.toArray(String[]::new);
        this.labels = b.labels.toArray(String[]::new);
        this.edgeSource = b.edges[0];
        this.edgeTarget = b.edges[1];
        this.backSource = b.back[0];
        this.backTarget = b.back[1];
        this.tests = b.tests;
        this.rolledInto = b.rolledInto;
    }

    /** Projects a graph. */
    public static Projection of(LineageGraph graph, ViewOptions options) {
        return new Projection(graph, new Builder(graph, options).build());
    }

    /** The graph projected. */
    public LineageGraph graph() {
        return graph;
    }

    /** How many items are drawn. */
    public int itemCount() {
        return members.length;
    }

    /** The item that draws a graph node, or -1 when the node is not drawn. */
    public int itemOf(int graphIndex) {
        return itemOfNode[graphIndex];
    }

    /** The graph indices an item stands for: one for a node, all members for a collapsed group. */
    public int[] members(int item) {
        return members[item].clone();
    }

    /** The graph index of a node item, or -1 for a group. */
    public int nodeOf(int item) {
        return groups[item] == null ? members[item][0] : -1;
    }

    /** The group key of a collapsed group item, empty for a node. */
    public Optional<String> group(int item) {
        return Optional.ofNullable(groups[item]);
    }

    /** The text drawn on an item. */
    public String label(int item) {
        return labels[item];
    }

    /** Every label, by item, as a new array. */
    public String[] labels() {
        return labels.clone();
    }

    /** Sources of the layout edges, by edge, as a new array. */
    public int[] edgeSources() {
        return edgeSource.clone();
    }

    /** Targets of the layout edges, by edge, as a new array. */
    public int[] edgeTargets() {
        return edgeTarget.clone();
    }

    /** Edges between collapsed groups that run against the topological order: drawn, not laid out. */
    public int[][] backEdges() {
        return new int[][] {backSource.clone(), backTarget.clone()};
    }

    /** The hidden tests rolled up onto an item (graph indices), empty when tests are shown. */
    public int[] testsOf(int item) {
        return tests[item].clone();
    }

    /** The item a hidden test's result is rolled up onto, or -1 when the node is not a rolled-up test. */
    public int rolledInto(int graphIndex) {
        return rolledInto[graphIndex];
    }

    /** The graph nodes drawn (members of every item). */
    public BitSet drawnNodes() {
        BitSet drawn = new BitSet(graph.size());
        for (int i = 0; i < itemOfNode.length; i++) {
            if (itemOfNode[i] >= 0) {
                drawn.set(i);
            }
        }
        return drawn;
    }

    /** The key of the group a node belongs to under a grouping. */
    public static String groupKey(Node node, Grouping grouping) {
        return switch (grouping) {
            case NONE -> "";
            case PACKAGE -> node.packageName();
            case FOLDER -> {
                String path = node.location().originalFilePath().replace('\\', '/');
                int slash = path.lastIndexOf('/');
                yield slash < 0 ? node.packageName() : node.packageName() + "/" + path.substring(0, slash);
            }
        };
    }

    private static final class Builder {
        private final LineageGraph graph;
        private final ViewOptions options;
        private final int[] itemOfNode;
        private final List<int[]> members = new ArrayList<>();
        private final List<String> groups = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private int[][] edges = new int[2][];
        private int[][] back = new int[2][];
        private int[][] tests = new int[0][];
        private final int[] rolledInto;

        Builder(LineageGraph graph, ViewOptions options) {
            this.graph = graph;
            this.options = options;
            this.itemOfNode = new int[graph.size()];
            Arrays.fill(itemOfNode, -1);
            this.rolledInto = new int[graph.size()];
            Arrays.fill(rolledInto, -1);
        }

        Builder build() {
            BitSet drawn = drawnNodes();
            int[] topo = graph.topologicalIndices();
            int[] position = new int[graph.size()];
            for (int k = 0; k < topo.length; k++) {
                position[topo[k]] = k;
            }
            assignItems(drawn, topo);
            int[] rank = new int[members.size()];
            for (int item = 0; item < rank.length; item++) {
                int min = Integer.MAX_VALUE;
                for (int m : members.get(item)) {
                    min = Math.min(min, position[m]);
                }
                rank[item] = min;
            }
            buildEdges(drawn, rank);
            rollUpTests();
            return this;
        }

        private BitSet drawnNodes() {
            BitSet drawn = new BitSet(graph.size());
            for (int i = 0; i < graph.size(); i++) {
                if (options.shows(graph.nodeAt(i).type())) {
                    drawn.set(i);
                }
            }
            options.scope().ifPresent(drawn::and);
            return drawn;
        }

        private void assignItems(BitSet drawn, int[] topo) {
            Map<String, List<Integer>> groupMembers = new HashMap<>();
            Map<String, Integer> groupItem = new HashMap<>();
            for (int i : topo) {
                if (!drawn.get(i)) {
                    continue;
                }
                Node node = graph.nodeAt(i);
                String key = options.grouping() == Grouping.NONE ? "" : groupKey(node, options.grouping());
                if (key.isEmpty() || options.expandedGroups().contains(key)) {
                    itemOfNode[i] = members.size();
                    members.add(new int[] {i});
                    groups.add(null);
                    labels.add(node.displayName());
                } else {
                    Integer item = groupItem.get(key);
                    if (item == null) {
                        item = members.size();
                        groupItem.put(key, item);
                        members.add(new int[0]);
                        groups.add(key);
                        labels.add(key);
                    }
                    itemOfNode[i] = item;
                    groupMembers.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
            }
            groupItem.forEach((key, item) -> {
                List<Integer> list = groupMembers.get(key);
                members.set(item, list.stream().mapToInt(Integer::intValue).toArray());
                labels.set(item, key + " (" + list.size() + ")");
            });
        }

        private void buildEdges(BitSet drawn, int[] rank) {
            Set<Long> seen = new HashSet<>();
            IntList src = new IntList();
            IntList dst = new IntList();
            IntList backSrc = new IntList();
            IntList backDst = new IntList();
            for (int child = drawn.nextSetBit(0); child >= 0; child = drawn.nextSetBit(child + 1)) {
                int b = itemOfNode[child];
                for (int parent : graph.parentIndices(child)) {
                    int a = itemOfNode[parent];
                    if (a < 0 || a == b || !seen.add(((long) a << 32) | b)) {
                        continue;
                    }
                    if (rank[a] < rank[b]) {
                        src.add(a);
                        dst.add(b);
                    } else {
                        backSrc.add(a);
                        backDst.add(b);
                    }
                }
            }
            edges = new int[][] {src.toArray(), dst.toArray()};
            back = new int[][] {backSrc.toArray(), backDst.toArray()};
        }

        private void rollUpTests() {
            List<IntList> rolled = new ArrayList<>(members.size());
            for (int i = 0; i < members.size(); i++) {
                rolled.add(new IntList());
            }
            for (int i = 0; i < graph.size(); i++) {
                Node node = graph.nodeAt(i);
                if (!node.type().isTest() || options.shows(node.type())) {
                    continue;
                }
                for (int target : testedNodes(node, i)) {
                    int item = itemOfNode[target];
                    if (item >= 0) {
                        rolled.get(item).add(i);
                        if (rolledInto[i] < 0) {
                            rolledInto[i] = item;
                        }
                    }
                }
            }
            tests = rolled.stream().map(IntList::toArray).toArray(int[][]::new);
        }

        /** dbt's attached node for generic tests, the tested model for unit tests, else every parent. */
        private int[] testedNodes(Node test, int index) {
            Optional<String> attached =
                    test.details().test().flatMap(t -> t.attachedNode()).map(Object::toString);
            Optional<String> testedModel = test.details().testedModel();
            int[] parents = graph.parentIndices(index);
            for (int parent : parents) {
                Node candidate = graph.nodeAt(parent);
                if (attached.filter(candidate.id().toString()::equals).isPresent()
                        || testedModel.filter(candidate.name()::equals).isPresent()) {
                    return new int[] {parent};
                }
            }
            return parents;
        }
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
