// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.graph.LineageGraph;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.internal.Timestamps;
import dev.dbtrescue.graph.manifest.Manifest;
import dev.dbtrescue.graph.manifest.ManifestReader;
import dev.dbtrescue.graph.manifest.RunResultsReader;
import dev.dbtrescue.graph.manifest.SourcesReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code result:} and {@code source_status:} against the demo's real artifacts, dbt's files as the oracle. Tests are
 * selected with indirect selection {@code empty}, so the sets are the methods' own matches.
 */
class StateArtifactMethodsTest {

    private static final Path FAILED = Fixtures.demo("failed-build");
    private static final Path CLEAN = Fixtures.demo("clean-build");

    private static Set<String> select(String selector, SelectionState state) throws Exception {
        Manifest manifest = new ManifestReader().read(CLEAN.resolve("manifest.json"));
        LineageGraph graph = LineageGraph.of(manifest.nodes().values());
        Selection s = new SelectorEvaluator(graph, manifest.projectName(), manifest.selectors(), state)
                .select(new SelectorParser().parse(List.of(selector), List.of(), IndirectSelection.EMPTY));
        return new TreeSet<>(s.nodes().stream().map(NodeId::value).toList());
    }

    private static SelectionState failedAsState() throws Exception {
        return new SelectionState(
                Optional.empty(),
                Optional.of(new RunResultsReader().read(FAILED.resolve("run_results.json"))),
                Optional.of(new SourcesReader().read(FAILED.resolve("sources.json"))),
                Optional.of(new SourcesReader().read(CLEAN.resolve("sources.json"))));
    }

    private static Set<String> withStatus(String status) {
        Set<String> ids = new TreeSet<>();
        Fixtures.tree(FAILED.resolve("run_results.json")).path("results").forEach(r -> {
            if (r.path("status").asText().equals(status)) {
                ids.add(r.path("unique_id").asText());
            }
        });
        return ids;
    }

    @Test
    void resultSelectsExactlyTheNodesWithThatStatusInTheStateRun() throws Exception {
        SelectionState state = failedAsState();
        assertEquals(withStatus("skipped"), select("result:skipped", state));
        assertEquals(withStatus("fail"), select("result:fail", state));
        assertEquals(
                withStatus("success"),
                select("result:success", state).stream()
                        .filter(withStatus("success")::contains)
                        .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void sourceStatusFresherComparesMaxLoadedAtOfTheTwoFreshnessRuns() throws Exception {
        Map<String, Instant> before = new HashMap<>();
        for (JsonNode r : Fixtures.tree(FAILED.resolve("sources.json")).path("results")) {
            Timestamps.parse(r.path("max_loaded_at").asText())
                    .ifPresent(t -> before.put(r.path("unique_id").asText(), t));
        }
        Set<String> expected = new TreeSet<>();
        for (JsonNode r : Fixtures.tree(CLEAN.resolve("sources.json")).path("results")) {
            Optional<Instant> now = Timestamps.parse(r.path("max_loaded_at").asText());
            String id = r.path("unique_id").asText();
            if (now.isPresent() && (!before.containsKey(id) || now.get().isAfter(before.get(id)))) {
                expected.add(id);
            }
        }
        assertTrue(!expected.isEmpty());
        assertEquals(expected, select("source_status:fresher", failedAsState()));
        assertEquals(Set.of(), select("source_status:stale", failedAsState()));
    }

    @Test
    void resultWithoutAStateRunSaysWhatToPass() {
        var e = assertThrows(SelectorSyntaxException.class, () -> select("result:error", SelectionState.NONE));
        assertTrue(e.getMessage().startsWith("'result:' needs the previous run's run_results.json"), e.getMessage());
    }
}
