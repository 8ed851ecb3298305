// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.manifest.Manifest;
import dev.dbtrescue.graph.select.IndirectSelection;
import dev.dbtrescue.graph.select.SelectionState;
import dev.dbtrescue.graph.select.SelectorEvaluator;
import dev.dbtrescue.graph.select.SelectorParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** What a rendered batch command selects, by the selector engine (which is checked against dbt elsewhere). */
final class CommandSelection {

    private CommandSelection() {}

    /** The nodes {@code dbt <verb> ...} would run, from its --select, --exclude and --indirect-selection. */
    static Set<NodeId> of(LineageGraph graph, @Nullable Manifest manifest, String rootProject, DbtCommand command)
            throws Exception {
        List<String> args = command.arguments();
        DbtVerb verb = DbtVerb.fromDbt(args.getFirst()).orElseThrow();
        List<String> select = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        IndirectSelection mode = IndirectSelection.EAGER;
        List<String> current = null;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--select" -> current = select;
                case "--exclude" -> current = exclude;
                case "--indirect-selection" -> {
                    mode = IndirectSelection.fromDbt(args.get(++i)).orElseThrow();
                    current = null;
                }
                default -> {
                    if (arg.startsWith("--")) {
                        current = null;
                    } else if (current != null) {
                        current.add(arg);
                    }
                }
            }
        }
        SelectorEvaluator evaluator = manifest == null
                ? new SelectorEvaluator(graph, rootProject)
                : new SelectorEvaluator(graph, manifest, SelectionState.NONE);
        Set<NodeId> out = new TreeSet<>();
        for (NodeId id : evaluator
                .select(new SelectorParser().parse(select, exclude, mode))
                .nodes()) {
            if (verb.runs(graph.requireNode(id).type())) {
                out.add(id);
            }
        }
        return out;
    }
}
