// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * Evaluates a {@link Selector} over a lineage graph the way dbt 1.12's {@code NodeSelector} does: each criterion's
 * method matches, then its graph operators add ancestors or descendants, then tests attached to the selection are
 * added according to the indirect-selection mode; groups combine their members' direct and indirect sets and may
 * promote indirectly selected tests whose parents are all present.
 *
 * <p>Immutable and thread-safe once built. A criterion costs O(V) to match plus O(visited + edges) per operator.
 *
 * @see <a href="https://docs.getdbt.com/reference/node-selection/test-selection-examples">indirect selection</a>
 */
public final class SelectorEvaluator {

    private final LineageGraph graph;
    private final MethodMatcher matcher;
    private final Set<NodeId> sources;

    /**
     * @param graph the selection graph
     * @param rootProject the root project's name (for {@code package:this})
     */
    public SelectorEvaluator(LineageGraph graph, String rootProject) {
        this.graph = graph;
        this.matcher = new MethodMatcher(graph, rootProject);
        Set<NodeId> all = new HashSet<>();
        graph.nodes().stream().filter(n -> n.type() == NodeType.SOURCE).forEach(n -> all.add(n.id()));
        this.sources = Set.copyOf(all);
    }

    /** A criterion's or group's result: selected directly, and tests that could join at a group level. */
    private record Sets(Set<NodeId> direct, Set<NodeId> indirect) {}

    /**
     * The nodes the selector selects, before any resource-type filter of a command.
     *
     * @throws SelectorSyntaxException if a criterion cannot be evaluated (as dbt, which then exits 2)
     */
    public Selection select(Selector selector) throws SelectorSyntaxException {
        List<String> warnings = new ArrayList<>();
        Sets result = evaluate(selector, warnings);
        return new Selection(new java.util.TreeSet<>(result.direct()), warnings);
    }

    private Sets evaluate(Selector selector, List<String> warnings) throws SelectorSyntaxException {
        return switch (selector) {
            case Selector.Criterion c -> criterion(c);
            case Selector.Union u ->
                group(u.members(), u.promotion(), Optional.empty(), SelectorEvaluator::union, warnings);
            case Selector.Intersection i ->
                group(i.members(), i.promotion(), i.warnIfEmpty(), SelectorEvaluator::intersection, warnings);
            case Selector.Difference d ->
                group(
                        List.of(d.include(), d.exclude()),
                        d.promotion(),
                        Optional.empty(),
                        SelectorEvaluator::difference,
                        warnings);
        };
    }

    private Sets group(
            List<Selector> members,
            Optional<IndirectSelection> promotion,
            Optional<String> warnIfEmpty,
            BinaryOperator<Set<NodeId>> combine,
            List<String> warnings)
            throws SelectorSyntaxException {
        Set<NodeId> direct = null;
        Set<NodeId> indirect = null;
        for (Selector member : members) {
            Sets sets = evaluate(member, warnings);
            Set<NodeId> both = new HashSet<>(sets.direct());
            both.addAll(sets.indirect());
            direct = direct == null ? new HashSet<>(sets.direct()) : combine.apply(direct, sets.direct());
            indirect = indirect == null ? both : combine.apply(indirect, both);
        }
        if (direct == null) {
            return new Sets(Set.of(), Set.of());
        }
        Set<NodeId> promoted = promote(direct, indirect, promotion.orElse(IndirectSelection.EAGER));
        if (warnIfEmpty.isPresent() && promoted.isEmpty()) {
            warnings.add("The selection criterion '" + warnIfEmpty.get() + "' does not match any enabled nodes");
        }
        return new Sets(promoted, indirect);
    }

    private static Set<NodeId> union(Set<NodeId> a, Set<NodeId> b) {
        a.addAll(b);
        return a;
    }

    private static Set<NodeId> intersection(Set<NodeId> a, Set<NodeId> b) {
        a.retainAll(b);
        return a;
    }

    private static Set<NodeId> difference(Set<NodeId> a, Set<NodeId> b) {
        a.removeAll(b);
        return a;
    }

    /** dbt's {@code incorporate_indirect_nodes}: tests held back become direct once all their parents are. */
    private Set<NodeId> promote(Set<NodeId> direct, Set<NodeId> indirect, IndirectSelection mode) {
        if (direct.equals(indirect) || (mode != IndirectSelection.CAUTIOUS && mode != IndirectSelection.BUILDABLE)) {
            return direct;
        }
        Set<NodeId> selected = new HashSet<>(direct);
        Set<NodeId> reachable = selected;
        if (mode == IndirectSelection.BUILDABLE) {
            reachable = new HashSet<>(selected);
            reachable.addAll(graph.ancestorsOf(selected, LineageGraph.UNLIMITED));
        }
        for (NodeId id : indirect) {
            Node node = graph.requireNode(id);
            if (isParsedNode(node) && reachable.containsAll(graph.parentsOf(id))) {
                selected.add(id);
            }
        }
        return selected;
    }

    /** Promotion looks only at the manifest's {@code nodes} map (so not at unit tests). */
    private static boolean isParsedNode(Node node) {
        return node.type() != NodeType.UNIT_TEST
                && node.type() != NodeType.SOURCE
                && node.type() != NodeType.EXPOSURE
                && node.type() != NodeType.METRIC
                && node.type() != NodeType.SEMANTIC_MODEL
                && node.type() != NodeType.SAVED_QUERY;
    }

    private Sets criterion(Selector.Criterion c) throws SelectorSyntaxException {
        Set<NodeId> collected = matcher.search(c);
        Set<NodeId> selected = new HashSet<>(collected);
        if (c.childrensParents()) {
            Set<NodeId> downstream = new HashSet<>(graph.descendantsOf(collected, LineageGraph.UNLIMITED));
            downstream.addAll(collected);
            selected.addAll(downstream);
            selected.addAll(graph.ancestorsOf(downstream, LineageGraph.UNLIMITED));
        }
        if (c.parentsDepth() >= 0) {
            selected.addAll(graph.ancestorsOf(collected, c.parentsDepth()));
        }
        if (c.childrenDepth() >= 0) {
            selected.addAll(graph.descendantsOf(collected, c.childrenDepth()));
        }
        if (c.indirect() == IndirectSelection.EMPTY) {
            return new Sets(selected, Set.of());
        }
        return expand(selected, c.indirect());
    }

    /** dbt's {@code expand_selection}: the tests among the selection's direct children. */
    private Sets expand(Set<NodeId> selected, IndirectSelection mode) {
        Set<NodeId> direct = new HashSet<>(selected);
        Set<NodeId> indirect = new HashSet<>();
        Set<NodeId> buildable = null;
        if (mode == IndirectSelection.BUILDABLE) {
            buildable = new HashSet<>(selected);
            buildable.addAll(graph.ancestorsOf(selected, LineageGraph.UNLIMITED));
            buildable.addAll(sources);
        }
        for (NodeId child : graph.descendantsOf(selected, 1)) {
            Node node = graph.requireNode(child);
            if (!node.type().isTest()) {
                continue;
            }
            List<NodeId> parents = graph.parentsOf(child);
            if (mode == IndirectSelection.EAGER || selected.containsAll(parents)) {
                direct.add(child);
            } else if (buildable != null && buildable.containsAll(parents)) {
                direct.add(child);
            } else {
                indirect.add(child);
            }
        }
        return new Sets(direct, indirect);
    }
}
