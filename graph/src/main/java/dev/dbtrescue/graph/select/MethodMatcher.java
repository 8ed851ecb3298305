// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.internal.Glob;
import dev.dbtrescue.graph.manifest.FreshnessResult;
import dev.dbtrescue.graph.manifest.FreshnessStatus;
import dev.dbtrescue.graph.manifest.Manifest;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.manifest.RunResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The search of each selection method over the graph's nodes, as dbt 1.12's {@code selector_methods.py} does it
 * (dbt-reference §4.4 and §4.5). Package-private: reached through {@link SelectorEvaluator}.
 */
final class MethodMatcher {

    private final LineageGraph graph;
    private final String rootProject;
    private final Set<String> knownPaths;
    /** Per node index: the fqn, flattened on dots, and how many flat parts its first element (the package) gave. */
    private final String[][] flatFqn;

    private final int[] packageParts;

    private final SelectionState state;
    private final Optional<Manifest> currentManifest;
    private volatile @Nullable StateComparator comparator;
    private volatile @Nullable NameIndex names;
    private volatile @Nullable Map<String, int[]> byPath;

    MethodMatcher(LineageGraph graph, String rootProject, SelectionState state, Optional<Manifest> currentManifest) {
        this.graph = graph;
        this.rootProject = rootProject;
        this.state = state;
        this.currentManifest = currentManifest;
        this.knownPaths = knownPaths(graph);
        this.flatFqn = new String[graph.size()][];
        this.packageParts = new int[graph.size()];
        for (int i = 0; i < graph.size(); i++) {
            List<String> fqn = graph.nodeAt(i).fqn();
            List<String> flat = new ArrayList<>(fqn.size() + 2);
            for (String segment : fqn) {
                flat.addAll(List.of(segment.split("\\.", -1)));
            }
            flatFqn[i] = flat.toArray(String[]::new);
            packageParts[i] = fqn.isEmpty() ? 0 : fqn.get(0).split("\\.", -1).length;
        }
    }

    /** The nodes the criterion's method matches, before graph operators, as graph indices. O(V). */
    BitSet search(Selector.Criterion c) throws SelectorSyntaxException {
        SelectionMethod method = SelectionMethod.fromDbt(c.method())
                .orElseThrow(() -> new SelectorSyntaxException(
                        "unknown method '" + c.method() + "'", c.text(), 1, Optional.empty()));
        String v = c.value();
        if (method == SelectionMethod.RESULT) {
            return result(c);
        }
        if (method == SelectionMethod.SOURCE_STATUS) {
            return sourceStatus(c);
        }
        if (method == SelectionMethod.PATH) {
            return path(c);
        }
        if (method == SelectionMethod.STATE) {
            return comparator(c).select(v);
        }
        FqnQuery fqn = method == SelectionMethod.FQN ? new FqnQuery(v) : null;
        BitSet out = new BitSet(graph.size());
        int[] candidates = candidates(method, fqn, v);
        if (candidates != null) {
            for (int i : candidates) {
                Node n = graph.nodeAt(i);
                if (fqn != null
                        ? n.type() != NodeType.SOURCE && fqnMatches(fqn, n, i)
                        : matches(method, c.arguments(), v, n)) {
                    out.set(i);
                }
            }
            return out;
        }
        for (int i = 0; i < graph.size(); i++) {
            Node n = graph.nodeAt(i);
            boolean hit = fqn != null
                    ? n.type() != NodeType.SOURCE && fqnMatches(fqn, n, i)
                    : matches(method, c.arguments(), v, n);
            if (hit) {
                out.set(i);
            }
        }
        return out;
    }

    /**
     * For a pattern-free fqn or source value, the only nodes that can match, from an index built on first use;
     * null when every node must be tried. Presets select thousands of nodes by their exact selectors, and one O(V)
     * scan per selector made that quadratic.
     */
    private int @Nullable [] candidates(SelectionMethod method, @Nullable FqnQuery fqn, String v) {
        if (fqn != null && fqn.firstWildcard < 0) {
            NameIndex index = names();
            return index.union("f:" + fqn.selector, "f:" + fqn.versionTail, "f:" + fqn.parts[fqn.parts.length - 1]);
        }
        if (method == SelectionMethod.SOURCE && !Glob.hasWildcard(v)) {
            String[] parts = v.split("\\.", -1);
            return names().union(parts.length == 1 ? "s:" + parts[0] : "t:" + parts[parts.length - 1]);
        }
        return null;
    }

    private NameIndex names() {
        NameIndex built = names;
        if (built == null) {
            built = new NameIndex(graph, flatFqn);
            names = built;
        }
        return built;
    }

    /** Why a node is new or modified against the state manifest. */
    List<StateReason> stateReasons(NodeId id) throws SelectorSyntaxException {
        return comparator(new Selector.Criterion(
                        "state", List.of(), "modified", -1, -1, false, IndirectSelection.EAGER, "state:modified"))
                .reasons(graph.requireNode(id));
    }

    private StateComparator comparator(Selector.Criterion c) throws SelectorSyntaxException {
        StateComparator built = comparator;
        if (built == null) {
            if (state.manifest().isEmpty() || currentManifest.isEmpty()) {
                throw new SelectorSyntaxException(
                        "'state:' needs the production manifest to compare with: pass --state DIR with"
                                + " DIR/manifest.json",
                        c.text(),
                        0,
                        Optional.empty());
            }
            built = new StateComparator(
                    graph, currentManifest.get(), state.manifest().get());
            comparator = built;
        }
        return built;
    }

    /** dbt's {@code result:}: nodes whose status in the state's run_results.json is exactly the value. */
    private BitSet result(Selector.Criterion c) throws SelectorSyntaxException {
        RunResults previous = state.runResults()
                .orElseThrow(() -> new SelectorSyntaxException(
                        "'result:' needs the previous run's run_results.json: pass --state DIR with DIR/run_results.json",
                        c.text(),
                        0,
                        Optional.empty()));
        BitSet out = new BitSet(graph.size());
        for (NodeResult r : previous.results()) {
            if (r.rawStatus().equals(c.value()) && graph.contains(r.id())) {
                out.set(graph.indexOf(r.id()));
            }
        }
        return out;
    }

    /**
     * dbt's {@code source_status:fresher}: sources whose current {@code max_loaded_at} is newer than in the state's
     * sources.json (or that had none there), without those whose current freshness query failed. Any other value
     * selects nothing, as in dbt.
     */
    private BitSet sourceStatus(Selector.Criterion c) throws SelectorSyntaxException {
        if (state.previousSources().isEmpty() || state.currentSources().isEmpty()) {
            throw new SelectorSyntaxException(
                    "'source_status:' needs two sources.json: the previous one in --state DIR and the current one in"
                            + " the project's target/ (run `dbt source freshness` first)",
                    c.text(),
                    0,
                    Optional.empty());
        }
        BitSet out = new BitSet(graph.size());
        if (!c.value().equals("fresher")) {
            return out;
        }
        Map<NodeId, Instant> before = new HashMap<>();
        for (FreshnessResult r : state.previousSources().get().results()) {
            r.maxLoadedAt().ifPresent(at -> before.put(r.id(), at));
        }
        for (FreshnessResult r : state.currentSources().get().results()) {
            if (r.status() == FreshnessStatus.RUNTIME_ERROR || r.maxLoadedAt().isEmpty() || !graph.contains(r.id())) {
                continue;
            }
            Instant was = before.get(r.id());
            if (was == null || r.maxLoadedAt().get().isAfter(was)) {
                out.set(graph.indexOf(r.id()));
            }
        }
        return out;
    }

    /** An fqn selector split once: its dotted parts and, for versioned models, its last two parts joined by _. */
    private static final class FqnQuery {
        final String selector;
        final String[] parts;
        final String versionTail;
        final int firstWildcard;

        FqnQuery(String selector) {
            this.selector = selector;
            this.parts = selector.split("\\.", -1);
            int k = parts.length;
            this.versionTail = k >= 2 ? parts[k - 2] + "_" + parts[k - 1] : parts[k - 1];
            int wildcard = -1;
            for (int j = 0; j < k && wildcard < 0; j++) {
                String part = parts[j];
                if (part.contains("*") || part.contains("?") || part.contains("[") || part.contains("]")) {
                    wildcard = j;
                }
            }
            this.firstWildcard = wildcard;
        }
    }

    private boolean matches(SelectionMethod method, List<String> args, String v, Node n)
            throws SelectorSyntaxException {
        return switch (method) {
            case FQN -> throw new IllegalStateException("fqn is matched with its precomputed query");
            case TAG -> tagMatches(v, n.tags());
            case SOURCE -> n.type() == NodeType.SOURCE && sourceMatches(v, n);
            case PATH -> throw new IllegalStateException("path: is matched against the paths first");
            case FILE -> fileMatches(v, n);
            case PACKAGE -> Glob.matches("this".equals(v) ? rootProject : v, n.packageName());
            case CONFIG -> (n.type().isParsedNode() || n.type() == NodeType.SOURCE) && configMatches(args, v, n);
            case TEST_NAME -> testNameMatches(v, n);
            case TEST_TYPE -> testTypeMatches(v, n);
            case RESOURCE_TYPE -> n.type().dbtName().equals(v);
            case EXPOSURE -> n.type() == NodeType.EXPOSURE && packageAndName(v, n);
            case METRIC -> n.type() == NodeType.METRIC && packageAndName(v, n);
            case SEMANTIC_MODEL -> n.type() == NodeType.SEMANTIC_MODEL && packageAndName(v, n);
            case SAVED_QUERY -> n.type() == NodeType.SAVED_QUERY && packageAndName(v, n);
            case UNIT_TEST -> n.type() == NodeType.UNIT_TEST && unitTestMatches(v, n);
            case GROUP -> group(n).filter(g -> Glob.matches(v, g)).isPresent();
            case ACCESS ->
                n.type() == NodeType.MODEL
                        && n.details().access().filter(v::equals).isPresent();
            case VERSION -> n.type() == NodeType.MODEL && versionMatches(v, n);
            case RESULT, SOURCE_STATUS, SELECTOR ->
                throw new IllegalStateException(method.dbtName() + ": is evaluated before per-node matching");
            case STATE -> throw new IllegalStateException("state: is compared manifest to manifest");
        };
    }

    /** dbt's {@code QualifiedNameSelectorMethod}: the whole fqn, or the fqn without its package, matches. */
    private boolean fqnMatches(FqnQuery q, Node n, int index) {
        List<String> fqn = n.fqn();
        boolean versioned = n.type() == NodeType.MODEL && n.details().version().isPresent();
        return selected(q, fqn, 0, flatFqn[index], 0, versioned)
                || (fqn.size() > 1 && selected(q, fqn, 1, flatFqn[index], packageParts[index], versioned));
    }

    /** dbt's {@code is_selected_node} on {@code fqn[from:]}: exact leaf (or version) match, else a dotted prefix. */
    private static boolean selected(
            FqnQuery q, List<String> fqn, int from, String[] flat, int flatFrom, boolean versioned) {
        int last = fqn.size() - 1;
        if (last < from) {
            return false;
        }
        if (versioned && last - from >= 1) {
            if (fqn.get(last - 1).equals(q.selector)) {
                return true;
            }
            if ((fqn.get(last - 1) + "_" + fqn.get(last)).equals(q.versionTail)) {
                return true;
            }
        } else if (!versioned && fqn.get(last).equals(q.selector)) {
            return true;
        }
        if (flat.length - flatFrom < q.parts.length) {
            return false;
        }
        int prefix = q.firstWildcard < 0 ? q.parts.length : q.firstWildcard;
        for (int j = 0; j < prefix; j++) {
            if (!flat[flatFrom + j].equals(q.parts[j])) {
                return false;
            }
        }
        if (q.firstWildcard < 0) {
            return true;
        }
        String pattern = String.join(".", List.of(q.parts).subList(q.firstWildcard, q.parts.length));
        if (pattern.equals("*")) {
            return true; // fnmatch('*') matches any remainder
        }
        String rest = String.join(".", List.of(flat).subList(flatFrom + q.firstWildcard, flat.length));
        if (Glob.matches(pattern, rest)) {
            return true;
        }
        // dbt 1.12.4+: a bare wildcard (no dot) also matches the leaf: the model name for versioned models
        if (!q.selector.contains(".")) {
            return Glob.matches(q.selector, versioned ? fqn.get(last - 1) : fqn.get(last));
        }
        return false;
    }

    private static boolean sourceMatches(String selector, Node n) {
        String[] parts = selector.split("\\.", -1);
        String pkg = "*";
        String source;
        String table = "*";
        if (parts.length == 1) {
            source = parts[0];
        } else if (parts.length == 2) {
            source = parts[0];
            table = parts[1];
        } else {
            pkg = parts[0];
            source = parts[1];
            table = parts[2];
        }
        String sourceName = n.details().source().map(s -> s.sourceName()).orElse("");
        return Glob.matches(pkg, n.packageName()) && Glob.matches(source, sourceName) && Glob.matches(table, n.name());
    }

    private static boolean packageAndName(String selector, Node n) {
        String[] parts = selector.split("\\.", -1);
        String pkg = parts.length == 2 ? parts[0] : "*";
        String name = parts[parts.length - 1];
        return Glob.matches(pkg, n.packageName()) && Glob.matches(name, n.name());
    }

    private static boolean unitTestMatches(String selector, Node n) {
        return packageAndName(selector, n);
    }

    private static Optional<String> group(Node n) {
        return n.config().text("group").or(() -> n.details().group());
    }

    private static boolean testNameMatches(String selector, Node n) {
        if (n.type() == NodeType.TEST) {
            return n.details()
                    .test()
                    .filter(t -> Glob.matches(selector, t.name()))
                    .isPresent();
        }
        return n.type() == NodeType.UNIT_TEST && Glob.matches(selector, n.name());
    }

    /** dbt tests membership with {@code in} on strings, so a value that is part of a word also selects. */
    private static boolean testTypeMatches(String selector, Node n) {
        boolean generic = n.type() == NodeType.TEST && n.isGenericTest();
        boolean singular = n.type() == NodeType.TEST && !n.isGenericTest();
        if (selector.equals("generic") || selector.equals("schema")) {
            return generic;
        }
        if ("data".contains(selector)) {
            return generic || singular;
        }
        if ("singular".contains(selector)) {
            return singular;
        }
        return "unit".contains(selector) && n.type() == NodeType.UNIT_TEST;
    }

    private static boolean versionMatches(String selector, Node n) {
        Optional<String> version = n.details().version();
        if (selector.equals("none")) {
            return version.isEmpty();
        }
        if (version.isEmpty() || n.details().latestVersion().isEmpty()) {
            return false;
        }
        if (selector.equals("latest")) {
            return version.get().equals(n.details().latestVersion().get()); // dbt: version == latest_version
        }
        int cmp = compareVersions(version.get(), n.details().latestVersion().get());
        return switch (selector) {
            case "prerelease" -> cmp > 0;
            case "old" -> cmp < 0;
            default -> false;
        };
    }

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");

    /** Numeric when both are plain decimals (as Python's float() would read them), else textual. */
    private static int compareVersions(String a, String b) {
        if (DECIMAL.matcher(a.strip()).matches() && DECIMAL.matcher(b.strip()).matches()) {
            return Double.compare(Double.parseDouble(a.strip()), Double.parseDouble(b.strip()));
        }
        return a.compareTo(b);
    }

    private static boolean configMatches(List<String> keys, String selector, Node n) {
        if (keys.isEmpty()) {
            return false;
        }
        JsonNode value = n.config().json();
        for (String key : keys) {
            if (!value.isObject() || !value.has(key)) {
                return false;
            }
            value = value.get(key);
        }
        boolean severity = keys.equals(List.of("severity"));
        String lower = selector.toLowerCase(Locale.ROOT);
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (scalarEquals(item, selector, severity)
                        || (lower.equals("true") && item.isBoolean() && item.booleanValue())
                        || (lower.equals("false") && item.isBoolean() && !item.booleanValue())) {
                    return true;
                }
            }
            return false;
        }
        return scalarEquals(value, selector, severity)
                || (lower.equals("true") && value.isBoolean() && value.booleanValue())
                || (lower.equals("false") && value.isBoolean() && !value.booleanValue());
    }

    /** Python's {@code selector == value}: only a string equals a string (severity compares case-insensitively). */
    private static boolean scalarEquals(JsonNode value, String selector, boolean caseInsensitive) {
        if (!value.isTextual()) {
            return false;
        }
        return caseInsensitive
                ? value.asText().equalsIgnoreCase(selector)
                : value.asText().equals(selector);
    }

    private static boolean fileMatches(String selector, Node n) {
        String path = n.location().originalFilePath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return Glob.matches(selector, name) || Glob.matches(selector, stem);
    }

    private static boolean tagMatches(String selector, List<String> tags) {
        boolean wildcard = Glob.hasWildcard(selector);
        for (String tag : tags) {
            if (wildcard ? Glob.matches(selector, tag) : selector.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * dbt globs the value on disk relative to the project root and selects a node when its file, one of its folders
     * or its YAML patch file is among the matches. Here the disk is the set of files and folders the manifest names;
     * the glob runs once over that set, then each node is looked up in the matches.
     */
    private BitSet path(Selector.Criterion c) throws SelectorSyntaxException {
        String pattern = normalise(c.value());
        BitSet out = new BitSet(graph.size());
        if (pattern.isEmpty()) {
            return out;
        }
        if (pattern.equals(".")) {
            // pathlib's glob('.') raises IndexError on the Python versions dbt 1.12 runs on, so dbt fails here
            throw new SelectorSyntaxException(
                    "path:. (the project root) cannot be evaluated by dbt 1.12 (it fails with an IndexError);"
                            + " select everything with '*' or a folder with path:models",
                    c.text(),
                    6,
                    Optional.of("*"));
        }
        Set<String> matched = new HashSet<>();
        if (Glob.hasWildcard(pattern)) {
            for (String known : knownPaths) {
                if (PathGlob.matches(pattern, known)) {
                    matched.add(known);
                }
            }
        } else if (knownPaths.contains(pattern)) {
            matched.add(pattern);
        }
        if (matched.isEmpty()) {
            return out;
        }
        Map<String, int[]> index = pathIndex();
        for (String path : matched) {
            for (int i : index.getOrDefault(path, NO_NODES)) {
                out.set(i);
            }
        }
        return out;
    }

    private static final int[] NO_NODES = {};

    /**
     * The nodes each path selects, built on first use: dbt's path method matches a node when the path is its
     * original file path, its patch path (without the {@code project://} scheme) or a folder above its original
     * file path. An index instead of a scan per criterion, because the presets write thousands of {@code path:}
     * selectors for nodes whose names are not unique.
     */
    private Map<String, int[]> pathIndex() {
        Map<String, int[]> index = byPath;
        if (index == null) {
            Map<String, List<Integer>> lists = new HashMap<>();
            for (int i = 0; i < graph.size(); i++) {
                Node n = graph.nodeAt(i);
                Set<String> keys = new HashSet<>();
                String ofp = n.location().originalFilePath();
                keys.add(ofp);
                n.location().patchPath().ifPresent(p -> {
                    int scheme = p.indexOf("://");
                    keys.add(scheme < 0 ? p : p.substring(scheme + 3));
                });
                for (int slash = ofp.lastIndexOf('/'); slash > 0; slash = ofp.lastIndexOf('/', slash - 1)) {
                    keys.add(ofp.substring(0, slash));
                }
                for (String key : keys) {
                    lists.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
            }
            Map<String, int[]> built = new HashMap<>(lists.size() * 2);
            lists.forEach((key, nodes) ->
                    built.put(key, nodes.stream().mapToInt(Integer::intValue).toArray()));
            index = built;
            byPath = index;
        }
        return index;
    }

    private static String normalise(String selector) {
        String s = selector;
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        while (s.endsWith("/") && s.length() > 1) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static List<String> parents(String path) {
        List<String> parents = new ArrayList<>();
        int slash = path.lastIndexOf('/');
        while (slash > 0) {
            path = path.substring(0, slash);
            parents.add(path);
            slash = path.lastIndexOf('/');
        }
        return parents;
    }

    private static Set<String> knownPaths(LineageGraph graph) {
        Set<String> paths = new HashSet<>();
        for (Node n : graph.nodes()) {
            addWithParents(paths, n.location().originalFilePath());
            n.location()
                    .patchPath()
                    .ifPresent(p -> addWithParents(paths, p.contains("://") ? p.substring(p.indexOf("://") + 3) : p));
        }
        return paths;
    }

    private static void addWithParents(Set<String> paths, String path) {
        if (path.isEmpty()) {
            return;
        }
        paths.add(path);
        paths.addAll(parents(path));
    }
}
