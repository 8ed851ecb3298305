// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.lineage;

import dev.dbtrescue.graph.NodeType;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the lineage view shows of a graph.
 *
 * @param hiddenTypes resource types not drawn (tests by default: their status rolls up onto the tested node)
 * @param grouping how nodes are grouped
 * @param expandedGroups groups drawn as their members; every other group is drawn as one collapsed node
 * @param scope the graph indices drawn, empty for the whole project (large projects open on a neighbourhood)
 */
public record ViewOptions(
        Set<NodeType> hiddenTypes, Grouping grouping, Set<String> expandedGroups, Optional<BitSet> scope) {

    /** Tests hidden, no grouping, whole project. */
    public static final ViewOptions DEFAULT =
            new ViewOptions(EnumSet.of(NodeType.TEST, NodeType.UNIT_TEST), Grouping.NONE, Set.of(), Optional.empty());

    public ViewOptions {
        hiddenTypes = hiddenTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hiddenTypes));
        Objects.requireNonNull(grouping, "grouping");
        expandedGroups = Set.copyOf(expandedGroups);
        scope = scope.map(s -> (BitSet) s.clone());
    }

    /** A copy with one type shown or hidden. */
    public ViewOptions withTypeShown(NodeType type, boolean shown) {
        EnumSet<NodeType> hidden = EnumSet.noneOf(NodeType.class);
        hidden.addAll(hiddenTypes);
        if (shown) {
            hidden.remove(type);
        } else {
            hidden.add(type);
        }
        return new ViewOptions(hidden, grouping, expandedGroups, scope);
    }

    /** A copy with another grouping; every group starts collapsed. */
    public ViewOptions withGrouping(Grouping newGrouping) {
        return new ViewOptions(hiddenTypes, newGrouping, Set.of(), scope);
    }

    /** A copy with one group expanded or collapsed. */
    public ViewOptions withGroupExpanded(String group, boolean expanded) {
        Set<String> groups = new java.util.HashSet<>(expandedGroups);
        if (expanded) {
            groups.add(group);
        } else {
            groups.remove(group);
        }
        return new ViewOptions(hiddenTypes, grouping, groups, scope);
    }

    /** A copy limited to these graph indices, or showing everything when empty. */
    public ViewOptions withScope(Optional<BitSet> newScope) {
        return new ViewOptions(hiddenTypes, grouping, expandedGroups, newScope);
    }

    /** True if the type is drawn. */
    public boolean shows(NodeType type) {
        return !hiddenTypes.contains(type);
    }

    /** A defensive copy of the scope. */
    @Override
    public Optional<BitSet> scope() {
        return scope.map(s -> (BitSet) s.clone());
    }
}
