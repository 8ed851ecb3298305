// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.manifest.FreshnessStatus;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.manifest.RunStatus;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Triage as in an on-call runbook: for every failed node and every stale source, its error class, first error line,
 * blast radius (downstream models, snapshots, seeds and exposures) and the nodes it made dbt skip; for every skipped
 * node, the failed upstream nodes that caused the skip.
 *
 * <p>Downstream of a failed <em>data test</em> means downstream of the nodes it tests, since {@code dbt build} holds
 * back the tested nodes' children when a test fails; downstream of a failed <em>unit test</em> includes the tested
 * model, which {@code dbt build} then skips.
 *
 * <p>Pure. O(F · (V + E)) for F failures, less when failing tests share the nodes they test.
 */
public final class FailureAnalyzer {

    /**
     * Analyses a project's status.
     *
     * @return failures sorted by blast radius (largest first) then id; skip causes and stale sources sorted by id
     */
    public FailureAnalysis analyze(ProjectStatus status) {
        LineageGraph graph = status.graph();
        List<NodeResult> failedResults = status.latestResults().values().stream()
                .filter(r -> r.status().isFailure())
                .sorted(Comparator.comparing(NodeResult::id))
                .toList();
        Map<NodeId, BitSet> downstream = new HashMap<>();
        Map<List<NodeId>, BitSet> byTestedNodes = new HashMap<>(); // tests of the same nodes block the same nodes
        for (NodeResult failed : failedResults) {
            downstream.put(failed.id(), downstreamOf(graph, graph.requireNode(failed.id()), byTestedNodes));
        }
        List<SkipCause> skipCauses = skipCauses(status, failedResults, downstream);
        Map<NodeId, List<NodeId>> skippedBy = new HashMap<>();
        for (SkipCause cause : skipCauses) {
            for (NodeId failed : cause.causes()) {
                skippedBy.computeIfAbsent(failed, k -> new ArrayList<>()).add(cause.skipped());
            }
        }
        List<Failure> failures = new ArrayList<>();
        for (NodeResult failed : failedResults) {
            Node node = graph.requireNode(failed.id());
            String plain = failed.message().map(ErrorClassifier::plain).orElse("");
            failures.add(new Failure(
                    failed.id(),
                    failed.rawStatus(),
                    ErrorClassifier.classify(node.type(), failed.status(), failed.message()),
                    firstLineOrDefault(plain, failed),
                    ErrorClassifier.detailLine(plain),
                    plain.isBlank() ? Optional.empty() : Optional.of(plain.strip()),
                    BlastRadius.of(graph, downstream.get(failed.id())),
                    skippedBy.getOrDefault(failed.id(), List.of()).stream()
                            .sorted()
                            .toList(),
                    failed.invocationId()));
        }
        List<SourceFreshnessProblem> stale = new ArrayList<>();
        for (SourceFreshness f : status.sourceFreshness().values()) {
            if (!f.result().status().isProblem()) {
                continue;
            }
            Node source = graph.requireNode(f.result().id());
            String description = describe(source, f);
            stale.add(new SourceFreshnessProblem(source.id(), f, description));
            if (f.result().status() != FreshnessStatus.WARN) {
                failures.add(new Failure(
                        source.id(),
                        f.result().status() == FreshnessStatus.ERROR ? "stale" : "freshness runtime error",
                        ErrorClass.FRESHNESS,
                        description,
                        f.result().error().map(ErrorClassifier::firstLine).orElse(""),
                        f.result().error().map(ErrorClassifier::plain),
                        BlastRadius.of(graph, downstreamOf(graph, source, new HashMap<>())),
                        List.of(),
                        f.result().invocationId()));
            }
        }
        failures.sort(
                Comparator.comparingInt((Failure f) -> -f.blastRadius().total()).thenComparing(Failure::node));
        stale.sort(Comparator.comparing(SourceFreshnessProblem::source));
        return new FailureAnalysis(failures, skipCauses, stale);
    }

    private static String firstLineOrDefault(String plain, NodeResult failed) {
        String line = ErrorClassifier.firstLine(plain);
        return line.isEmpty() ? failed.rawStatus() + " (dbt wrote no message)" : line;
    }

    /**
     * The nodes dbt will not build while {@code failed} stays failed, as a set of graph indices. Data tests of the
     * same nodes share one set ({@code byTestedNodes}), so a thousand failing tests on one model cost one walk.
     */
    private static BitSet downstreamOf(LineageGraph graph, Node failed, Map<List<NodeId>, BitSet> byTestedNodes) {
        if (failed.type() == NodeType.TEST) {
            List<NodeId> tested = graph.parentsOf(failed.id()).stream().sorted().toList();
            return byTestedNodes.computeIfAbsent(
                    tested, t -> graph.descendants(bits(graph, t), LineageGraph.UNLIMITED));
        }
        if (failed.type() == NodeType.UNIT_TEST) {
            BitSet tested = bits(graph, graph.parentsOf(failed.id()));
            BitSet blocked = graph.descendants(tested, LineageGraph.UNLIMITED);
            blocked.or(tested);
            return blocked;
        }
        return graph.descendants(bits(graph, List.of(failed.id())), LineageGraph.UNLIMITED);
    }

    private static BitSet bits(LineageGraph graph, List<NodeId> ids) {
        BitSet set = new BitSet(graph.size());
        ids.forEach(id -> set.set(graph.indexOf(id)));
        return set;
    }

    /** For each skipped node, the failures of its invocation whose blocked set holds it. O(skipped x failed). */
    private static List<SkipCause> skipCauses(
            ProjectStatus status, List<NodeResult> failedResults, Map<NodeId, BitSet> downstream) {
        LineageGraph graph = status.graph();
        List<SkipCause> causes = new ArrayList<>();
        status.latestResults().values().stream()
                .filter(r -> r.status() == RunStatus.SKIPPED)
                .sorted(Comparator.comparing(NodeResult::id))
                .forEach(skipped -> {
                    int index = graph.indexOf(skipped.id());
                    List<NodeId> by = failedResults.stream()
                            .filter(f -> f.invocationId().equals(skipped.invocationId()))
                            .filter(f -> downstream.get(f.id()).get(index))
                            .map(NodeResult::id)
                            .toList();
                    causes.add(new SkipCause(skipped.id(), by));
                });
        return causes;
    }

    private static String describe(Node source, SourceFreshness f) {
        String name = source.details().source().map(s -> s.sourceName() + ".").orElse("") + source.name();
        if (f.result().status() == FreshnessStatus.RUNTIME_ERROR) {
            return "freshness of " + name + " could not be measured: "
                    + f.result().error().map(ErrorClassifier::firstLine).orElse("no error text");
        }
        String age = f.result()
                .dataAge()
                .map(Durations::format)
                .map(a -> "data was " + a + " old")
                .orElse("age unknown");
        JsonNode freshness = source.details().source().map(s -> s.freshness()).orElse(null);
        String key = f.result().status() == FreshnessStatus.ERROR ? "error_after" : "warn_after";
        String threshold = freshness == null ? "" : threshold(freshness.path(key));
        return name + " is " + (f.result().status() == FreshnessStatus.ERROR ? "stale" : "late") + ": " + age
                + (threshold.isEmpty() ? "" : " (" + key.replace('_', ' ') + " " + threshold + ")");
    }

    private static String threshold(JsonNode after) {
        if (!after.path("count").isNumber() || !after.path("period").isTextual()) {
            return "";
        }
        int count = after.get("count").asInt();
        String period = after.get("period").asText();
        return count + " " + period + (count == 1 ? "" : "s");
    }
}
