// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.select.NodeNames;
import dev.dbtrescue.graph.select.SelectorParser;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The nodes to full-refresh, as users name them: a unique_id, a name ({@code orders}, {@code dim_customers.v2}) or an fqn selector. */
public final class FullRefreshNames {

    private FullRefreshNames() {}

    /**
     * Resolves names separated by spaces or commas.
     *
     * @param option how the user gave them, for messages ({@code --full-refresh}, {@code Full refresh})
     * @throws PlanningException naming an unknown name (with the closest known one) or an ambiguous one
     */
    public static List<NodeId> resolveAll(LineageGraph graph, List<String> names, String option)
            throws PlanningException {
        List<NodeId> out = new ArrayList<>();
        for (String name : names) {
            for (String part : name.split("[ ,]+")) {
                if (!part.isBlank()) {
                    out.add(resolve(graph, part.strip(), option));
                }
            }
        }
        return out;
    }

    private static NodeId resolve(LineageGraph graph, String name, String option) throws PlanningException {
        NodeId asId = NodeId.of(name);
        if (graph.contains(asId)) {
            return asId;
        }
        TreeSet<NodeId> found = new TreeSet<>();
        List<String> known = new ArrayList<>();
        for (Node node : graph.nodes()) {
            if (!node.type().isBuildable()) {
                continue;
            }
            known.add(NodeNames.name(node));
            if (NodeNames.name(node).equals(name) || NodeNames.selector(node).equals(name)) {
                found.add(node.id());
            }
        }
        if (found.size() == 1) {
            return found.first();
        }
        if (found.isEmpty()) {
            throw new PlanningException(
                    option + " " + name + ": no model, seed or snapshot of this project has that name"
                            + SelectorParser.closest(name, known)
                                    .map(c -> " (did you mean '" + c + "'?)")
                                    .orElse("")
                            + ".");
        }
        throw new PlanningException(
                option + " " + name + ": the name is ambiguous (" + found + "); give the unique_id.");
    }
}
