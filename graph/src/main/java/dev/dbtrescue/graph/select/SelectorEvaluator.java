// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.internal.Glob;
import dev.dbtrescue.graph.manifest.Manifest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a {@link Selector} over a lineage graph the way dbt 1.12's {@code NodeSelector} does: each criterion's
 * method matches, then its graph operators add ancestors or descendants, then tests attached to the selection are
 * added according to the indirect-selection mode; groups combine their members' direct and indirect sets and may
 * promote indirectly selected tests whose parents are all present.
 *
 * <p>Sets are bit sets over the graph's node indices. Building the evaluator is O(V) (it precomputes per-node match
 * data and the unique_id order); a criterion costs O(V) to match plus O(visited + edges) per operator. Immutable and
 * thread-safe once built.
 *
 * @see <a href="https://docs.getdbt.com/reference/node-selection/test-selection-examples">indirect selection</a>
 */
public final class SelectorEvaluator {

    private final LineageGraph graph;
    private final MethodMatcher matcher;
    private final BitSet sources;
    private final BitSet tests;
    private final BitSet promotable;
    private final int[] byUniqueId;
    private final Map<String, JsonNode> selectors;

    /** Whether unions merge criteria with equal operators; off only in the property test that checks the merge. */
    private volatile boolean mergeUnions = true;

    /**
     * @param graph the selection graph
     * @param rootProject the root project's name (for {@code package:this})
     */
    public SelectorEvaluator(LineageGraph graph, String rootProject) {
        this(graph, rootProject, Map.of(), SelectionState.NONE);
    }

    /**
     * @param graph the selection graph
     * @param rootProject the root project's name (for {@code package:this})
     * @param selectors the project's YAML selectors by name (the manifest's {@code selectors}), for the
     *     {@code selector:} method
     * @param state what {@code --state} gives, for {@code result:} and {@code source_status:}
     */
    public SelectorEvaluator(
            LineageGraph graph, String rootProject, Map<String, JsonNode> selectors, SelectionState state) {
        this(graph, rootProject, selectors, state, Optional.empty());
    }

    /**
     * An evaluator over a manifest's graph with everything it declares: the root project, its YAML selectors and,
     * for {@code state:}, the manifest itself to compare with the state's.
     *
     * @param graph the selection graph of {@code manifest}
     * @param manifest the current manifest
     * @param state what {@code --state} gives
     */
    public SelectorEvaluator(LineageGraph graph, Manifest manifest, SelectionState state) {
        this(graph, manifest.projectName(), manifest.selectors(), state, Optional.of(manifest));
    }

    private SelectorEvaluator(
            LineageGraph graph,
            String rootProject,
            Map<String, JsonNode> selectors,
            SelectionState state,
            Optional<Manifest> manifest) {
        this.graph = graph;
        this.selectors = Map.copyOf(selectors);
        this.matcher = new MethodMatcher(graph, rootProject, state, manifest);
        int n = graph.size();
        this.sources = new BitSet(n);
        this.tests = new BitSet(n);
        this.promotable = new BitSet(n);
        for (int i = 0; i < n; i++) {
            NodeType type = graph.nodeAt(i).type();
            sources.set(i, type == NodeType.SOURCE);
            tests.set(i, type.isTest());
            // dbt promotes only entries of the manifest's `nodes` map, so data tests but not unit tests
            promotable.set(i, type.isTest() && type.isParsedNode());
        }
        this.byUniqueId = IntStream.range(0, n)
                .boxed()
                .sorted(Comparator.comparing(i -> graph.nodeAt(i).id()))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** Evaluates unions member by member, as dbt does; for the test that holds the merged evaluation to it. */
    void evaluateUnionsOneByOne() {
        mergeUnions = false;
    }

    /**
     * Why a node is {@code state:new} or {@code state:modified} against the state manifest: which check fired (body,
     * which config key, which macro, ...). Empty when it is neither.
     *
     * @throws SelectorSyntaxException if this evaluator has no state manifest (no {@code --state})
     * @throws dev.dbtrescue.graph.UnknownNodeException if the node is not in the graph
     */
    public List<StateReason> stateReasons(NodeId id) throws SelectorSyntaxException {
        return matcher.stateReasons(id);
    }

    /** A criterion's or group's result: selected directly, and tests that could join at a group level. */
    private record Sets(BitSet direct, BitSet indirect) {}

    /** One evaluation's warnings and the YAML selectors being expanded (to stop cycles). */
    private record Run(List<String> warnings, Deque<String> expanding) {}

    /**
     * The nodes the selector selects, before any resource-type filter of a command.
     *
     * @throws SelectorSyntaxException if a criterion cannot be evaluated (as dbt, which then exits 2)
     */
    public Selection select(Selector selector) throws SelectorSyntaxException {
        List<String> warnings = new ArrayList<>();
        BitSet direct =
                evaluate(selector, new Run(warnings, new ArrayDeque<>())).direct();
        List<NodeId> sorted = new ArrayList<>(direct.cardinality());
        for (int i : byUniqueId) {
            if (direct.get(i)) {
                sorted.add(graph.nodeAt(i).id());
            }
        }
        return new Selection(graph, direct, sorted, warnings);
    }

    private Sets evaluate(Selector selector, Run run) throws SelectorSyntaxException {
        return switch (selector) {
            case Selector.Criterion c -> criterion(c, run);
            case Selector.Union u -> union(u, run);
            case Selector.Intersection i -> group(i.members(), i.promotion(), i.warnIfEmpty(), BitSet::and, run);
            case Selector.Difference d ->
                group(List.of(d.include(), d.exclude()), d.promotion(), Optional.empty(), BitSet::andNot, run);
        };
    }

    private Sets group(
            List<Selector> members,
            Optional<IndirectSelection> promotion,
            Optional<String> warnIfEmpty,
            BiConsumer<BitSet, BitSet> combine,
            Run run)
            throws SelectorSyntaxException {
        var combined = new Combined(combine);
        for (Selector member : members) {
            combined.add(evaluate(member, run));
        }
        return combined.result(promotion, warnIfEmpty, run);
    }

    /** The graph operators and test expansion of a criterion, without its method's value. */
    private record Operators(
            int parentsDepth, int childrenDepth, boolean childrensParents, IndirectSelection indirect) {}

    /**
     * A union member that can be merged with others: a criterion, or an intersection of just one criterion (what the
     * parser makes of each space-separated token), with its "matches nothing" warning.
     */
    private record Mergeable(Selector.Criterion criterion, Operators operators, Optional<String> warnIfEmpty) {

        static Optional<Mergeable> of(Selector member) {
            Optional<String> warn = Optional.empty();
            Selector single = member;
            if (member instanceof Selector.Intersection i && i.members().size() == 1) {
                if (i.promotion().isPresent() && !distributes(i.promotion().get())) {
                    return Optional.empty();
                }
                warn = i.warnIfEmpty();
                single = i.members().get(0);
            }
            if (!(single instanceof Selector.Criterion c)
                    || c.method().equals(SelectionMethod.SELECTOR.dbtName())
                    || !distributes(c.indirect())) {
                return Optional.empty();
            }
            return Optional.of(new Mergeable(
                    c, new Operators(c.parentsDepth(), c.childrenDepth(), c.childrensParents(), c.indirect()), warn));
        }

        private static boolean distributes(IndirectSelection mode) {
            return mode == IndirectSelection.EAGER || mode == IndirectSelection.EMPTY;
        }
    }

    /**
     * A union. Criteria with the same graph operators are merged first: every operator ({@code +}, {@code n+},
     * {@code @}) and eager or empty test expansion distributes over union, so {@code a+ b+ c+} is the descendants
     * of {a, b, c} in one walk instead of three. The presets write thousands of exact selectors with {@code +}, which
     * this turns from thousands of graph walks into one. Cautious and buildable expansion do not distribute (a test
     * whose parents are split between members), so such criteria are evaluated one by one. A merged member still
     * warns when it matches nothing: its operators only add to what its method matched.
     */
    private Sets union(Selector.Union u, Run run) throws SelectorSyntaxException {
        if (!mergeUnions) {
            return group(u.members(), u.promotion(), Optional.empty(), BitSet::or, run);
        }
        var combined = new Combined(BitSet::or);
        Map<Operators, BitSet> seeds = new LinkedHashMap<>();
        Map<Operators, Selector.Criterion> firsts = new LinkedHashMap<>();
        for (Selector member : u.members()) {
            Optional<Mergeable> mergeable = Mergeable.of(member);
            if (mergeable.isEmpty()) {
                combined.add(evaluate(member, run));
                continue;
            }
            Mergeable m = mergeable.get();
            BitSet matched = matcher.search(m.criterion());
            if (matched.isEmpty() && m.warnIfEmpty().isPresent()) {
                run.warnings()
                        .add("The selection criterion '" + m.warnIfEmpty().get()
                                + "' does not match any enabled nodes");
            }
            seeds.computeIfAbsent(m.operators(), k -> new BitSet(graph.size())).or(matched);
            firsts.putIfAbsent(m.operators(), m.criterion());
        }
        for (Map.Entry<Operators, BitSet> entry : seeds.entrySet()) {
            combined.add(operate(firsts.get(entry.getKey()), entry.getValue(), false));
        }
        return combined.result(u.promotion(), Optional.empty(), run);
    }

    /** Combines members' sets one at a time, as dbt combines a group's results. */
    private final class Combined {
        private final BiConsumer<BitSet, BitSet> combine;

        private @Nullable BitSet direct;

        private @Nullable BitSet indirect;

        Combined(BiConsumer<BitSet, BitSet> combine) {
            this.combine = combine;
        }

        void add(Sets sets) {
            BitSet both = (BitSet) sets.direct().clone();
            both.or(sets.indirect());
            if (direct == null || indirect == null) {
                direct = sets.direct();
                indirect = both;
            } else {
                combine.accept(direct, sets.direct());
                combine.accept(indirect, both);
            }
        }

        Sets result(Optional<IndirectSelection> promotion, Optional<String> warnIfEmpty, Run run) {
            if (direct == null || indirect == null) {
                return new Sets(new BitSet(), new BitSet());
            }
            BitSet promoted = promote(direct, indirect, promotion.orElse(IndirectSelection.EAGER));
            if (warnIfEmpty.isPresent() && promoted.isEmpty()) {
                run.warnings()
                        .add("The selection criterion '" + warnIfEmpty.get() + "' does not match any enabled nodes");
            }
            return new Sets(promoted, indirect);
        }
    }

    /** dbt's {@code incorporate_indirect_nodes}: tests held back become direct once all their parents are. */
    private BitSet promote(BitSet direct, BitSet indirect, IndirectSelection mode) {
        if ((mode != IndirectSelection.CAUTIOUS && mode != IndirectSelection.BUILDABLE) || direct.equals(indirect)) {
            return direct;
        }
        BitSet selected = (BitSet) direct.clone();
        BitSet reachable = selected;
        if (mode == IndirectSelection.BUILDABLE) {
            reachable = graph.ancestors(selected, LineageGraph.UNLIMITED);
            reachable.or(selected);
        }
        BitSet candidates = (BitSet) indirect.clone();
        candidates.andNot(direct);
        candidates.and(promotable);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (graph.parentsWithin(i, reachable)) {
                selected.set(i);
            }
        }
        return selected;
    }

    private Sets criterion(Selector.Criterion c, Run run) throws SelectorSyntaxException {
        boolean reference = c.method().equals(SelectionMethod.SELECTOR.dbtName());
        return operate(c, reference ? referenced(c, run) : matcher.search(c), reference);
    }

    /** Applies a criterion's graph operators and test expansion to the nodes its method matched. */
    private Sets operate(Selector.Criterion c, BitSet collected, boolean reference) {
        BitSet selected = (BitSet) collected.clone();
        if (c.childrensParents()) {
            BitSet downstream = graph.descendants(collected, LineageGraph.UNLIMITED);
            downstream.or(collected);
            selected.or(downstream);
            selected.or(graph.ancestors(downstream, LineageGraph.UNLIMITED));
        }
        if (c.parentsDepth() >= 0) {
            selected.or(graph.ancestors(collected, c.parentsDepth()));
        }
        if (c.childrenDepth() >= 0) {
            selected.or(graph.descendants(collected, c.childrenDepth()));
        }
        if (c.indirect() == IndirectSelection.EMPTY || reference) {
            return new Sets(selected, new BitSet()); // a referenced selector's result is not expanded again
        }
        return expand(selected, c.indirect());
    }

    /** dbt 1.12's {@code selector:} method: the union of the final results of the selectors whose names match. */
    private BitSet referenced(Selector.Criterion c, Run run) throws SelectorSyntaxException {
        BitSet out = new BitSet(graph.size());
        if (selectors.keySet().stream().noneMatch(name -> Glob.matches(c.value(), name))) {
            throw new SelectorSyntaxException(
                    "Selector '" + c.value() + "' did not match any selector in selectors.yml", c.text(),
                    c.text().indexOf(':') + 2, SelectorParser.closest(c.value(), List.copyOf(selectors.keySet())));
        }
        for (String name : new TreeSet<>(selectors.keySet())) {
            if (!Glob.matches(c.value(), name)) {
                continue;
            }
            if (run.expanding().contains(name)) {
                throw new SelectorSyntaxException(
                        "selector '" + name + "' refers to itself through " + String.join(" -> ", run.expanding()),
                        c.text(),
                        1,
                        Optional.empty());
            }
            run.expanding().push(name);
            out.or(evaluate(YamlSelectors.named(name, selectors, c.indirect()), run)
                    .direct());
            run.expanding().pop();
        }
        return out;
    }

    /** dbt's {@code expand_selection}: the tests among the selection's direct children. */
    private Sets expand(BitSet selected, IndirectSelection mode) {
        BitSet direct = (BitSet) selected.clone();
        BitSet indirect = new BitSet();
        BitSet candidates = graph.children(selected);
        candidates.and(tests);
        if (mode == IndirectSelection.EAGER) {
            direct.or(candidates);
            return new Sets(direct, indirect);
        }
        BitSet buildable = null;
        if (mode == IndirectSelection.BUILDABLE) {
            buildable = graph.ancestors(selected, LineageGraph.UNLIMITED);
            buildable.or(selected);
            buildable.or(sources);
        }
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (graph.parentsWithin(i, selected) || (buildable != null && graph.parentsWithin(i, buildable))) {
                direct.set(i);
            } else {
                indirect.set(i);
            }
        }
        return new Sets(direct, indirect);
    }
}
