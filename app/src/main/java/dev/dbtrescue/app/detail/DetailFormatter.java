// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.detail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.app.project.ProjectSession;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.manifest.RunStatus;
import dev.dbtrescue.graph.status.BlastRadius;
import dev.dbtrescue.graph.status.Durations;
import dev.dbtrescue.graph.status.ErrorClassifier;
import dev.dbtrescue.graph.status.Failure;
import dev.dbtrescue.graph.status.NodeState;
import dev.dbtrescue.graph.status.ProjectStatus;
import dev.dbtrescue.graph.status.SkipCause;
import dev.dbtrescue.graph.status.SourceFreshnessProblem;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one node of a session into {@link DetailContent}: pure, no I/O, cheap enough for the FX thread (map look-ups
 * and one upstream and one downstream walk).
 */
final class DetailFormatter {

    /** Messages with more lines than this start collapsed. */
    static final int LONG_MESSAGE_LINES = 6;

    private final ProjectSession session;
    private final LineageGraph graph;
    private final ProjectStatus status;

    private DetailFormatter(ProjectSession session) {
        this.session = session;
        this.graph = session.project().graph();
        this.status = session.project().status();
    }

    /**
     * @throws dev.dbtrescue.graph.UnknownNodeException if the node is not in the session's graph
     */
    static DetailContent format(ProjectSession session, NodeId id) {
        return new DetailFormatter(session).content(graph(session).requireNode(id));
    }

    private static LineageGraph graph(ProjectSession session) {
        return session.project().graph();
    }

    private DetailContent content(Node node) {
        NodeId id = node.id();
        Optional<Failure> failure = Optional.ofNullable(session.failuresByNode().get(id));
        Optional<NodeResult> result = status.lastResult(id);
        String message = failure.flatMap(Failure::message)
                .or(() -> result.flatMap(NodeResult::message)
                        .map(m -> ErrorClassifier.plain(m).strip()))
                .orElse("");
        BitSet self = new BitSet(graph.size());
        self.set(graph.indexOf(id));
        BitSet below = graph.descendants(self, LineageGraph.UNLIMITED);
        BlastRadius radius = failure.map(Failure::blastRadius).orElseGet(() -> BlastRadius.of(graph, below));
        int upstream = graph.ancestors(self, LineageGraph.UNLIMITED).cardinality();
        int downstream = below.cardinality();
        return new DetailContent(
                id.value(),
                node.name(),
                node.label() + " · " + id.value(),
                status.stateOf(id),
                statusText(id),
                failure.map(f -> f.errorClass().label()).orElse(""),
                failure.map(f -> f.errorClass().advice()).orElse(""),
                failure.map(Failure::firstLine).orElseGet(() -> whyNotFailed(id)),
                message,
                message.lines().count() > LONG_MESSAGE_LINES,
                result.filter(r -> r.status() != RunStatus.SKIPPED)
                        .map(r -> Durations.format(r.executionTime()))
                        .orElse(""),
                node.type().isBuildable() ? node.materialized().orElse("") : "",
                node.location().originalFilePath(),
                String.join(", ", node.tags()),
                node.owner().orElse(""),
                metaLines(node.details().meta()),
                node.details().description().orElse(""),
                node.columns(),
                DetailTexts.blastRadius(radius, failure.isPresent(), graph),
                links(radius.exposures()),
                failure.map(f -> links(f.skipped())).orElse(List.of()),
                DetailTexts.testsSummary(graph, status, id),
                DetailTexts.tests(graph, status, id),
                TypeFacts.of(session, node),
                neighbours(id),
                upstream,
                downstream,
                upstream + " upstream · " + downstream + " downstream",
                node.code().rawCodeOffset() >= 0 || node.code().compiledCodeOffset() >= 0);
    }

    /** {@code error · 3h 12m ago}; for sources measured by freshness, the data's age and when it was checked. */
    private String statusText(NodeId id) {
        NodeState state = status.stateOf(id);
        if (status.lastResult(id).isEmpty() && status.freshness(id).isPresent()) {
            var freshness = status.freshness(id).get();
            return state.label() + " source"
                    + freshness
                            .dataAge()
                            .map(a -> " · data " + Durations.format(a) + " old")
                            .orElse("")
                    + freshness
                            .checkAge()
                            .map(a -> " · checked " + Durations.format(a) + " ago")
                            .orElse("");
        }
        return state.label()
                + status.age(id).map(a -> " · " + Durations.format(a) + " ago").orElse("");
    }

    /** For a node that is not a failure: why it was skipped, or why its source is late (warn). */
    private String whyNotFailed(NodeId id) {
        for (SkipCause cause : session.analysis().skipCauses()) {
            if (cause.skipped().equals(id)) {
                return cause.causes().isEmpty()
                        ? "skipped, but no failed upstream node is in the loaded results"
                                + " (fail-fast or an interrupted run)"
                        : "skipped because " + String.join(", ", labels(cause.causes())) + " failed";
            }
        }
        return session.analysis().staleSources().stream()
                .filter(s -> s.source().equals(id))
                .map(SourceFreshnessProblem::description)
                .findFirst()
                .orElse("");
    }

    private List<LinkedNode> neighbours(NodeId id) {
        List<LinkedNode> rows = new ArrayList<>();
        graph.parentsOf(id).forEach(p -> rows.add(new LinkedNode("↑ " + label(p), p)));
        graph.childrenOf(id).stream()
                .filter(c -> !graph.requireNode(c).type().isTest()) // the tests section lists those
                .forEach(c -> rows.add(new LinkedNode("↓ " + label(c), c)));
        return rows;
    }

    private List<LinkedNode> links(List<NodeId> ids) {
        return ids.stream().map(i -> new LinkedNode(label(i), i)).toList();
    }

    private List<String> labels(List<NodeId> ids) {
        return ids.stream().map(this::label).toList();
    }

    private String label(NodeId id) {
        return graph.node(id).map(Node::label).orElse(id.value());
    }

    static List<String> metaLines(JsonNode meta) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : meta.properties()) {
            JsonNode value = field.getValue();
            lines.add(field.getKey() + ": " + (value.isValueNode() ? value.asText() : value.toString()));
        }
        return lines;
    }
}
