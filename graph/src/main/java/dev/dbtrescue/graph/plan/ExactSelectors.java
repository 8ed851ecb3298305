// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.select.NodeNames;
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
 * <p>The natural choice is what {@code dbt ls} prints ({@link NodeNames#selector(Node)}): the fqn joined with dots for
 * models, seeds, snapshots and tests. But dbt's fqn method is a prefix match on path segments that also matches the
 * fqn without its package, a bare leaf name, and versioned models by {@code name_vN} (reference §4.5). So
 * {@code shop.staging.orders} would also select {@code models/staging/orders/*.sql} if such a folder existed. Such
 * collisions are found with an index of every resource's fqn prefixes, and the selector is then narrowed to the file
 * ({@code shop.staging.orders,path:models/staging/orders.sql}). Built once per graph; O(total fqn length).
 */
public final class ExactSelectors {

    private final LineageGraph graph;
    private final Map<String, int[]> prefixClaims;
    private final Map<String, List<Integer>> claimants = new HashMap<>();
    private final Map<String, Integer> leafClaims;
    private final Map<String, Integer> versionClaims;
    private final @Nullable String[] cache;
    private final boolean[] exact;

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
        this.leafClaims = new HashMap<>();
        this.versionClaims = new HashMap<>();
        List<String> matched = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Node node = graph.nodeAt(i);
            if (node.type() == NodeType.SOURCE || node.fqn().isEmpty()) {
                continue; // the fqn method never matches sources
            }
            List<String> fqn = node.fqn();
            matched.clear();
            claimPrefixes(i, flatten(fqn, 0), candidates, matched);
            if (fqn.size() > 1 && packages.contains(fqn.get(1))) {
                claimPrefixes(i, flatten(fqn, 1), candidates, matched);
            }
            if (isVersioned(node) && fqn.size() >= 2) {
                leafClaims.merge(fqn.get(fqn.size() - 2), 1, Integer::sum);
                versionClaims.merge(lastTwo(fqn), 1, Integer::sum);
            } else {
                leafClaims.merge(fqn.getLast(), 1, Integer::sum);
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
     * A selector that selects exactly the resource (for sources, exposures, unit tests and the like the
     * {@code method:pkg.name} form, which names one resource).
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
        String plain =
                usesFqn(node.type()) && !node.fqn().isEmpty() ? String.join(".", node.fqn()) : NodeNames.selector(node);
        if (!usesFqn(node.type())) {
            exact[index] = !hasGlob(plain);
            return plain;
        }
        if (!hasGlob(plain) && !possiblyShared(node, plain)) {
            exact[index] = true;
            return plain;
        }
        if (hasGlob(plain)) {
            exact[index] = false; // a name with glob characters: dbt would treat it as a pattern
            return plain;
        }
        // the prefix index knows who shares the fqn; only the rare leaf or version collisions need a scan
        List<Integer> sharing = claimants.containsKey(plain) && !leafOrVersionShared(node, plain)
                ? claimants.get(plain)
                : matchesOf(plain);
        if (sharing.size() == 1) {
            exact[index] = true;
            return plain;
        }
        String path = node.location().originalFilePath();
        if (!hasGlob(path) && !path.isBlank() && path.chars().noneMatch(c -> c == ',' || Character.isWhitespace(c))) {
            int inFile = 0;
            for (int other : sharing) {
                if (inPath(graph.nodeAt(other), path)) {
                    inFile++;
                }
            }
            if (inFile == 1) {
                exact[index] = true;
                return plain + ",path:" + path;
            }
        }
        exact[index] = false;
        return plain;
    }

    private boolean possiblyShared(Node node, String selector) {
        int[] claim = prefixClaims.get(selector);
        if (claim == null || claim[0] != 1 || leafClaims.containsKey(selector)) {
            return true;
        }
        String[] parts = selector.split("\\.", -1);
        String key = parts.length >= 2 ? parts[parts.length - 2] + "_" + parts[parts.length - 1] : parts[0];
        int own = isVersioned(node) && lastTwo(node.fqn()).equals(key) ? 1 : 0;
        return versionClaims.getOrDefault(key, 0) > own;
    }

    private boolean leafOrVersionShared(Node node, String selector) {
        if (leafClaims.containsKey(selector)) {
            return true;
        }
        String[] parts = selector.split("\\.", -1);
        String key = parts.length >= 2 ? parts[parts.length - 2] + "_" + parts[parts.length - 1] : parts[0];
        int own = isVersioned(node) && lastTwo(node.fqn()).equals(key) ? 1 : 0;
        return versionClaims.getOrDefault(key, 0) > own;
    }

    /** Every resource the fqn selector matches, by dbt's rules (§4.5), by a scan: only for suspected collisions. */
    private List<Integer> matchesOf(String selector) {
        String[] parts = selector.split("\\.", -1);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < graph.size(); i++) {
            Node other = graph.nodeAt(i);
            if (other.type() == NodeType.SOURCE || other.fqn().isEmpty()) {
                continue;
            }
            if (fqnMatches(other, other.fqn(), selector, parts)
                    || (other.fqn().size() > 1
                            && fqnMatches(
                                    other, other.fqn().subList(1, other.fqn().size()), selector, parts))) {
                found.add(i);
            }
        }
        return found;
    }

    private static boolean fqnMatches(Node node, List<String> fqn, String selector, String[] parts) {
        if (isVersioned(node) && fqn.size() >= 2) {
            String key = parts.length >= 2 ? parts[parts.length - 2] + "_" + parts[parts.length - 1] : parts[0];
            if (fqn.get(fqn.size() - 2).equals(selector) || lastTwo(fqn).equals(key)) {
                return true;
            }
        } else if (fqn.getLast().equals(selector)) {
            return true;
        }
        if (!hasDottedElement(fqn)) { // the usual case, compared without copying
            if (parts.length > fqn.size()) {
                return false;
            }
            for (int k = 0; k < parts.length; k++) {
                if (!parts[k].equals(fqn.get(k))) {
                    return false;
                }
            }
            return true;
        }
        List<String> flat = flatten(fqn, 0);
        if (parts.length > flat.size()) {
            return false;
        }
        for (int k = 0; k < parts.length; k++) {
            if (!parts[k].equals(flat.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean inPath(Node node, String path) {
        String own = node.location().originalFilePath();
        if (own.equals(path) || own.startsWith(path.endsWith("/") ? path : path + "/")) {
            return true;
        }
        return node.location()
                .patchPath()
                .map(p -> p.contains("://") ? p.substring(p.indexOf("://") + 3) : p)
                .filter(path::equals)
                .isPresent();
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
                claim[0]++;
                if (claim[0] == 1) {
                    claim[1] = index;
                } else if (claim[0] == 2) {
                    claimants.put(prefix, new ArrayList<>(List.of(claim[1], index)));
                } else {
                    claimants.get(prefix).add(index);
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

    private static boolean hasDottedElement(List<String> fqn) {
        for (String element : fqn) {
            if (element.indexOf('.') >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String lastTwo(List<String> fqn) {
        return fqn.get(fqn.size() - 2) + "_" + fqn.getLast();
    }

    private static boolean isVersioned(Node node) {
        return node.type() == NodeType.MODEL && node.details().version().isPresent();
    }

    private static boolean usesFqn(NodeType type) {
        return switch (type) {
            // unit tests too: their names are unique per model only, and their fqn ends in model.test_name
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
