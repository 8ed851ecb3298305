// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.Node;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.manifest.FreshnessResult;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.manifest.RunResults;
import dev.dbtrescue.graph.manifest.SourceFreshnessResults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of every node after one or more dbt invocations: for each node the latest result by completion time
 * (so a failed {@code build} followed by a partial rerun shows the rerun's outcome where it ran and the build's
 * elsewhere), and for each source its latest freshness.
 *
 * <p>Immutable; building is O(results + nodes). The moment {@code now} is passed in (the domain has no clock) and
 * used for ages.
 */
public final class ProjectStatus {

    private final LineageGraph graph;
    private final Instant now;
    private final Map<NodeId, NodeResult> latest;
    private final Map<NodeId, SourceFreshness> freshness;
    private final List<NodeResult> unknownResults;
    private final List<FreshnessResult> unknownFreshness;

    private ProjectStatus(
            LineageGraph graph,
            Instant now,
            Map<NodeId, NodeResult> latest,
            Map<NodeId, SourceFreshness> freshness,
            List<NodeResult> unknownResults,
            List<FreshnessResult> unknownFreshness) {
        this.graph = graph;
        this.now = now;
        this.latest = latest;
        this.freshness = freshness;
        this.unknownResults = List.copyOf(unknownResults);
        this.unknownFreshness = List.copyOf(unknownFreshness);
    }

    /**
     * Merges run results and freshness results over a graph. Results for ids not in the graph are kept aside
     * ({@link #unknownResults()}), never dropped silently. On equal completion times the later element of
     * {@code runs} wins.
     *
     * @param now the moment ages are measured against
     */
    public static ProjectStatus of(
            LineageGraph graph, List<RunResults> runs, List<SourceFreshnessResults> sources, Instant now) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(now, "now");
        Map<NodeId, NodeResult> latest = new HashMap<>();
        List<NodeResult> unknown = new ArrayList<>();
        for (RunResults run : runs) {
            for (NodeResult result : run.results()) {
                if (!graph.contains(result.id())) {
                    unknown.add(result);
                    continue;
                }
                latest.merge(
                        result.id(), result, (old, neu) -> neu.completedAt().isBefore(old.completedAt()) ? old : neu);
            }
        }
        Map<NodeId, SourceFreshness> fresh = new HashMap<>();
        List<FreshnessResult> unknownFresh = new ArrayList<>();
        for (SourceFreshnessResults file : sources) {
            for (FreshnessResult result : file.results()) {
                if (!graph.contains(result.id())) {
                    unknownFresh.add(result);
                    continue;
                }
                SourceFreshness candidate = SourceFreshness.of(result, now);
                fresh.merge(
                        result.id(), candidate, (old, neu) -> measuredAt(neu).isBefore(measuredAt(old)) ? old : neu);
            }
        }
        return new ProjectStatus(graph, now, latest, fresh, unknown, unknownFresh);
    }

    private static Instant measuredAt(SourceFreshness f) {
        return f.result().snapshottedAt().orElse(Instant.EPOCH);
    }

    /** The graph this status is about. */
    public LineageGraph graph() {
        return graph;
    }

    /** The moment ages are measured against. */
    public Instant now() {
        return now;
    }

    /** The node's latest run result, empty when it never ran in the loaded results. */
    public Optional<NodeResult> lastResult(NodeId id) {
        return Optional.ofNullable(latest.get(id));
    }

    /** The source's latest freshness, empty when not measured. */
    public Optional<SourceFreshness> freshness(NodeId id) {
        return Optional.ofNullable(freshness.get(id));
    }

    /** How long ago the node's latest result completed. */
    public Optional<Duration> age(NodeId id) {
        return lastResult(id).map(r -> Duration.between(r.completedAt(), now));
    }

    /** The state to show for a node: from its run result, else (sources) its freshness, else not run. */
    public NodeState stateOf(NodeId id) {
        NodeResult result = latest.get(id);
        if (result != null) {
            return NodeState.of(result.status());
        }
        SourceFreshness f = freshness.get(id);
        return f == null ? NodeState.NOT_RUN : NodeState.of(f.result().status());
    }

    /** Every node's latest result. */
    public Map<NodeId, NodeResult> latestResults() {
        return Collections.unmodifiableMap(latest);
    }

    /** Every measured source's latest freshness. */
    public Map<NodeId, SourceFreshness> sourceFreshness() {
        return Collections.unmodifiableMap(freshness);
    }

    /** Run results whose unique_id is not in the manifest (artifacts from another project or an older manifest). */
    public List<NodeResult> unknownResults() {
        return unknownResults;
    }

    /** Freshness results whose unique_id is not in the manifest. */
    public List<FreshnessResult> unknownFreshness() {
        return unknownFreshness;
    }

    /** How many nodes of each type are in each state; types and states with no node are absent. */
    public Map<NodeType, Map<NodeState, Integer>> counts() {
        Map<NodeType, Map<NodeState, Integer>> counts = new EnumMap<>(NodeType.class);
        for (Node node : graph.nodes()) {
            counts.computeIfAbsent(node.type(), t -> new EnumMap<>(NodeState.class))
                    .merge(stateOf(node.id()), 1, Integer::sum);
        }
        return counts;
    }
}
