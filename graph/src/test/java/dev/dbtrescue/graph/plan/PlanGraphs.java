// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeConfig;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeLocation;
import dev.dbtrescue.graph.TestGraphs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/** Planner fixtures on top of {@link TestGraphs}: node tweaks, times, and a one-call plan. */
final class PlanGraphs {

    private PlanGraphs() {}

    static final PlanSource SOURCE = new PlanSource(
            "shop", "2026-01-01T00:00:00Z", java.util.Optional.empty(), "select", "*", "", java.util.Optional.empty());

    /** The DSL's nodes with some changed: {@code tweak.get(name)} maps a node to its replacement. */
    static LineageGraph graph(Map<String, UnaryOperator<Node>> tweaks, String... chains) {
        List<Node> nodes = new ArrayList<>();
        for (Node node : TestGraphs.nodes(chains)) {
            UnaryOperator<Node> tweak = tweaks.get(node.name());
            nodes.add(tweak == null ? node : tweak.apply(node));
        }
        return LineageGraph.of(nodes);
    }

    /** A model made incremental. */
    static Node incremental(Node node) {
        ObjectNode config = ((ObjectNode) node.config().json()).deepCopy();
        config.put("materialized", "incremental");
        return copy(node, new NodeConfig(config), node.location());
    }

    /** A node moved to another file. */
    static UnaryOperator<Node> at(String path) {
        return node -> copy(node, node.config(), new NodeLocation(path, path, java.util.Optional.empty()));
    }

    /** A node with another fqn and file. */
    static UnaryOperator<Node> fqnAt(String path, String... fqn) {
        return node ->
                copy(node, node.config(), new NodeLocation(path, path, java.util.Optional.empty()), List.of(fqn));
    }

    private static Node copy(Node node, NodeConfig config, NodeLocation location) {
        return copy(node, config, location, node.fqn());
    }

    /** A node with these tags and dbt group. */
    static UnaryOperator<Node> tagged(String group, String... tags) {
        return node -> {
            var d = node.details();
            var details = new dev.dbtrescue.graph.NodeDetails(
                    d.description(),
                    d.language(),
                    d.version(),
                    d.latestVersion(),
                    d.access(),
                    java.util.Optional.of(group),
                    d.meta(),
                    d.test(),
                    d.source(),
                    d.exposure(),
                    d.testedModel(),
                    d.deprecationDate());
            return new Node(
                    node.id(),
                    node.type(),
                    node.name(),
                    node.packageName(),
                    node.fqn(),
                    node.location(),
                    node.relation(),
                    List.of(tags),
                    node.config(),
                    node.unrenderedConfig(),
                    node.dependsOn(),
                    node.checksum(),
                    node.columns(),
                    details,
                    node.code());
        };
    }

    private static Node copy(Node node, NodeConfig config, NodeLocation location, List<String> fqn) {
        return new Node(
                node.id(),
                node.type(),
                node.name(),
                node.packageName(),
                fqn,
                location,
                node.relation(),
                node.tags(),
                config,
                node.unrenderedConfig(),
                node.dependsOn(),
                node.checksum(),
                node.columns(),
                node.details(),
                node.code());
    }

    /** Times by DSL name, in minutes. */
    static DurationEstimator minutes(int threads, Object... nameThenMinutes) {
        Map<NodeId, Duration> known = new HashMap<>();
        for (int i = 0; i < nameThenMinutes.length; i += 2) {
            known.put(
                    TestGraphs.id((String) nameThenMinutes[i]),
                    Duration.ofSeconds(Math.round(((Number) nameThenMinutes[i + 1]).doubleValue() * 60)));
        }
        return DurationEstimator.of(known, OptionalInt.of(threads));
    }

    static RerunPlan plan(LineageGraph graph, Collection<NodeId> selected, PlanOptions options, DurationEstimator times)
            throws PlanningException {
        return new RerunPlanner(ExactSelectors.of(graph), times).plan(selected, options, SOURCE);
    }

    /** Every node of the graph. */
    static List<NodeId> all(LineageGraph graph) {
        return graph.nodes().stream().map(Node::id).toList();
    }

    /** The batches as lists of DSL-ish names (the part after the package). */
    static List<List<String>> names(RerunPlan plan) {
        return plan.batches().stream()
                .map(b -> b.ids().stream()
                        .map(id -> id.value().substring(id.value().indexOf(".shop.") + 6))
                        .toList())
                .toList();
    }

    static List<NodeId> ids(String... dslNames) {
        return java.util.Arrays.stream(dslNames).map(TestGraphs::id).toList();
    }
}
