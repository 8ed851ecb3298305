// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.select.IndirectSelection;
import dev.dbtrescue.graph.select.NodeNames;
import dev.dbtrescue.graph.select.SelectorEvaluator;
import dev.dbtrescue.graph.select.SelectorParser;
import dev.dbtrescue.graph.select.SelectorSyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * For each resource, a dbt selector that selects that resource and nothing else, so that a batch's command names its
 * nodes one by one.
 *
 * <p>The natural choice is what {@code dbt ls} prints ({@link NodeNames#selector(Node)}), with the fqn joined with dots
 * for models, seeds, snapshots, tests and unit tests (unit-test names are unique per model only). But dbt's fqn method
 * is a prefix match on path segments that also matches the fqn without its package, a dotted leaf name, and versioned
 * models by {@code name_vN} (reference §4.5): {@code shop.staging.orders} also selects the unit tests of
 * {@code orders}, whose fqn continues below it. An index of every resource's fqn prefixes clears almost every
 * selector in O(total fqn length); the few it cannot clear are asked of the selector engine itself, and narrowed to the
 * file ({@code shop.staging.orders,path:models/staging/orders.sql}) when the plain fqn is shared. Build once per
 * graph; not thread-safe.
 */
public final class ExactSelectors {

    private final LineageGraph graph;
    /** For each fqn selector: how many resources it matches by prefix (both forms), and the first of them. */
    private final Map<String, int[]> prefixClaims;
    /** For fqn selectors that more than one resource matches by prefix: those resources. */
    private final Map<String, List<Integer>> claimants = new HashMap<>();
    /** Dotted leaf names, and {@code f[-2]} of versioned models: the only leaf matches a dotted selector can hit. */
    private final Set<String> dottedLeaves = new HashSet<>();
    /** {@code name_vN} of versioned models, by count. */
    private final Map<String, Integer> versionClaims = new HashMap<>();

    private final @Nullable String[] cache;
    private final boolean[] exact;
    private @Nullable SelectorEvaluator engine;

    private ExactSelectors(LineageGraph graph) {
        this.graph = graph;
        int n = graph.size();
        this.cache = new String[n];
        this.exact = new boolean[n];
        Set<String> packages = new HashSet<>();
        Map<String, int[]> candidates = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Node node = graph.nodeAt(i);
            if (usesFqn(node.type()) && !node.fqn().isEmpty()) {
                candidates.put(String.join(".", node.fqn()), new int[] {0, -1});
                packages.add(node.fqn().getFirst());
            }
        }
        List<String> matched = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Node node = graph.nodeAt(i);
            List<String> fqn = node.fqn();
            if (node.type() == NodeType.SOURCE || fqn.isEmpty()) {
                continue; // the fqn method never matches sources
            }
            matched.clear();
            claimPrefixes(i, flatten(fqn, 0), candidates, matched);
            if (fqn.size() > 1 && packages.contains(fqn.get(1))) {
                claimPrefixes(i, flatten(fqn, 1), candidates, matched);
            }
            String leaf = isVersioned(node) && fqn.size() >= 2 ? fqn.get(fqn.size() - 2) : fqn.getLast();
            if (leaf.indexOf('.') >= 0) {
                dottedLeaves.add(leaf);
            }
            if (isVersioned(node) && fqn.size() >= 2) {
                versionClaims.merge(lastTwo(fqn), 1, Integer::sum);
            }
        }
        this.prefixClaims = candidates;
    }

    /** The index of a graph's resources. */
    public static ExactSelectors of(LineageGraph graph) {
        return new ExactSelectors(graph);
    }

    /** The graph this index was built for. */
    public LineageGraph graph() {
        return graph;
    }

    /**
     * A selector that selects exactly the resource (for sources, exposures and the like the {@code method:pkg.name}
     * form, which names one resource).
     *
     * @throws dev.dbtrescue.graph.UnknownNodeException if the id is not in the graph
     */
    public String selectorFor(NodeId id) {
        int index = graph.indexOf(id);
        String known = cache[index];
        if (known == null) {
            known = compute(index);
            cache[index] = known;
        }
        return known;
    }

    /**
     * False for the rare resource that no selector form singles out (two resources with the same fqn in the same
     * file); its {@link #selectorFor(NodeId)} then also selects the others.
     */
    public boolean isExact(NodeId id) {
        selectorFor(id);
        return exact[graph.indexOf(id)];
    }

    private String compute(int index) {
        Node node = graph.nodeAt(index);
        if (!usesFqn(node.type()) || node.fqn().isEmpty()) {
            String plain = NodeNames.selector(node);
            exact[index] = !hasGlob(plain);
            return plain;
        }
        String plain = String.join(".", node.fqn());
        if (hasGlob(plain)) {
            exact[index] = false; // a name with glob characters: dbt would read it as a pattern
            return plain;
        }
        if (!possiblyShared(node, plain)) {
            exact[index] = true;
            return plain;
        }
        String path = node.location().originalFilePath();
        String narrowed = plain + ",path:" + path;
        boolean plainPath = !hasGlob(path) && path.chars().noneMatch(c -> c == ',' || Character.isWhitespace(c));
        if (leafOrVersionShared(node, plain)) {
            // dotted names or the same versioned model in two packages: rare, so the selector engine decides
            if (selectsOnly(plain, node)) {
                exact[index] = true;
                return plain;
            }
            exact[index] = plainPath && selectsOnly(narrowed, node);
        } else {
            // shared by prefix only: the index holds the sharers; the file narrows to the one defined in it
            long inFile = claimants.get(plain).stream()
                    .filter(other -> inPath(graph.nodeAt(other), path))
                    .count();
            exact[index] = plainPath && inFile == 1;
        }
        return exact[index] ? narrowed : plain;
    }

    /** False when the index proves that no other resource matches the fqn selector. */
    private boolean possiblyShared(Node node, String selector) {
        int[] claim = prefixClaims.get(selector);
        return claim == null || claim[0] != 1 || leafOrVersionShared(node, selector);
    }

    /** True if another resource may match by dbt's leaf-name or {@code name_vN} rules. */
    private boolean leafOrVersionShared(Node node, String selector) {
        if (dottedLeaves.contains(selector)) {
            return true;
        }
        String[] parts = selector.split("\\.", -1);
        String key = parts.length >= 2 ? parts[parts.length - 2] + "_" + parts[parts.length - 1] : parts[0];
        int own = isVersioned(node) && lastTwo(node.fqn()).equals(key) ? 1 : 0;
        return versionClaims.getOrDefault(key, 0) > own;
    }

    /**
     * dbt's {@code path:} rule for one file (§4.4): the resource is defined in it, or its properties are
     * ({@code patch_path}).
     */
    private static boolean inPath(Node node, String path) {
        return node.location().originalFilePath().equals(path)
                || node.location()
                        .patchPath()
                        .map(p -> p.contains("://") ? p.substring(p.indexOf("://") + 3) : p)
                        .filter(path::equals)
                        .isPresent();
    }

    /** Whether the selector selects the node and nothing else, asked of the selector engine itself. */
    private boolean selectsOnly(String selector, Node node) {
        if (engine == null) {
            engine = new SelectorEvaluator(graph, node.packageName());
        }
        try {
            return engine.select(new SelectorParser().parse(List.of(selector), List.of(), IndirectSelection.EMPTY))
                    .nodes()
                    .equals(List.of(node.id()));
        } catch (SelectorSyntaxException e) {
            return false;
        }
    }

    private void claimPrefixes(int index, List<String> flat, Map<String, int[]> candidates, List<String> matched) {
        StringBuilder key = new StringBuilder();
        for (int k = 0; k < flat.size(); k++) {
            if (k > 0) {
                key.append('.');
            }
            key.append(flat.get(k));
            String prefix = key.toString();
            int[] claim = candidates.get(prefix);
            if (claim != null && !matched.contains(prefix)) {
                matched.add(prefix);
                if (++claim[0] == 1) {
                    claim[1] = index;
                } else {
                    claimants
                            .computeIfAbsent(prefix, p -> new ArrayList<>(List.of(claim[1])))
                            .add(index);
                }
            }
        }
    }

    private static List<String> flatten(List<String> fqn, int from) {
        List<String> flat = new ArrayList<>(fqn.size() - from + 2);
        for (int k = from; k < fqn.size(); k++) {
            String element = fqn.get(k);
            if (element.indexOf('.') < 0) {
                flat.add(element);
            } else {
                flat.addAll(List.of(element.split("\\.", -1)));
            }
        }
        return flat;
    }

    private static String lastTwo(List<String> fqn) {
        return fqn.get(fqn.size() - 2) + "_" + fqn.getLast();
    }

    private static boolean isVersioned(Node node) {
        return node.type() == NodeType.MODEL && node.details().version().isPresent();
    }

    private static boolean usesFqn(NodeType type) {
        return switch (type) {
            case SOURCE, EXPOSURE, METRIC, SAVED_QUERY, SEMANTIC_MODEL -> false;
            default -> true;
        };
    }

    private static boolean hasGlob(String text) {
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '*' || c == '?' || c == '[' || c == ']') {
                return true;
            }
        }
        return false;
    }
}
