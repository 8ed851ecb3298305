// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import static dev.dbtrescue.graph.TestGraphs.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.TestGraphs;
import dev.dbtrescue.graph.manifest.ArtifactKind;
import dev.dbtrescue.graph.manifest.ArtifactMetadata;
import dev.dbtrescue.graph.manifest.FreshnessResult;
import dev.dbtrescue.graph.manifest.FreshnessStatus;
import dev.dbtrescue.graph.manifest.NodeResult;
import dev.dbtrescue.graph.manifest.RunResults;
import dev.dbtrescue.graph.manifest.RunStatus;
import dev.dbtrescue.graph.manifest.SourceFreshnessResults;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Merging run results and freshness into one state per node, with ages (issue 2's status model). */
class ProjectStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final LineageGraph graph = TestGraphs.of("source:raw.orders -> orders -> revenue");

    private static RunResults run(String invocation, Instant completed, String dsl, RunStatus status) {
        var meta = new ArtifactMetadata(
                ArtifactKind.RUN_RESULTS,
                6,
                Optional.empty(),
                Optional.of(completed),
                Optional.of(invocation),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        var result = new NodeResult(
                id(dsl),
                status,
                status.dbtName(),
                Duration.ofSeconds(3),
                Optional.empty(),
                OptionalLong.empty(),
                Optional.empty(),
                completed,
                "Thread-1",
                OptionalLong.empty(),
                invocation,
                "build");
        return new RunResults(meta, "build", Optional.empty(), Duration.ofSeconds(3), List.of(result), invocation);
    }

    @Test
    void aNodeWithoutResultIsNotRunAndHasNoAge() {
        ProjectStatus status = ProjectStatus.of(graph, List.of(), List.of(), NOW);
        assertEquals(NodeState.NOT_RUN, status.stateOf(id("orders")));
        assertEquals(Optional.empty(), status.age(id("orders")));
        assertEquals(Map.of(NodeState.NOT_RUN, 2), status.counts().get(NodeType.MODEL));
    }

    @Test
    void theLatestCompletionWinsWhateverTheFileOrder() {
        RunResults later = run("i2", NOW.minusSeconds(60), "orders", RunStatus.SUCCESS);
        RunResults earlier = run("i1", NOW.minusSeconds(3600), "orders", RunStatus.ERROR);
        ProjectStatus status = ProjectStatus.of(graph, List.of(later, earlier), List.of(), NOW);
        assertEquals(NodeState.SUCCESS, status.stateOf(id("orders")));
        assertEquals(Optional.of(Duration.ofSeconds(60)), status.age(id("orders")));
    }

    @Test
    void onEqualCompletionTheLaterFileWins() {
        ProjectStatus status = ProjectStatus.of(
                graph,
                List.of(run("i1", NOW, "orders", RunStatus.ERROR), run("i2", NOW, "orders", RunStatus.SUCCESS)),
                List.of(),
                NOW);
        assertEquals("i2", status.lastResult(id("orders")).orElseThrow().invocationId());
    }

    @Test
    void aSourceTakesItsStateAndDataAgeFromFreshness() {
        var meta = new ArtifactMetadata(
                ArtifactKind.SOURCES,
                3,
                Optional.empty(),
                Optional.of(NOW),
                Optional.of("f1"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        var stale = new FreshnessResult(
                id("source:raw.orders"),
                FreshnessStatus.ERROR,
                Optional.of(NOW.minus(Duration.ofHours(30))),
                Optional.of(NOW.minusSeconds(600)),
                Optional.of(Duration.ofHours(29)),
                Optional.empty(),
                "f1");
        ProjectStatus status = ProjectStatus.of(
                graph, List.of(), List.of(new SourceFreshnessResults(meta, List.of(stale), "sources.json")), NOW);
        assertEquals(NodeState.STALE, status.stateOf(id("source:raw.orders")));
        SourceFreshness f = status.freshness(id("source:raw.orders")).orElseThrow();
        assertEquals(Optional.of(Duration.ofHours(30)), f.dataAge());
        assertEquals(Optional.of(Duration.ofSeconds(600)), f.checkAge());
    }
}
