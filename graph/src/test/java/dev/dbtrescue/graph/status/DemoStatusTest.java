// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.NodeType;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.manifest.FreshnessStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Statuses, error classes, blast radii and skip causes on the committed artifacts of real dbt runs of the demo
 * project, checked against what dbt itself wrote (its statuses, its skips, its messages).
 */
class DemoStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private static final Path FAILED = Fixtures.demo("failed-build");

    private static LoadedProject failedBuild() throws Exception {
        return LoadedProject.of(
                new ArtifactLoader()
                        .load(
                                FAILED.resolve("manifest.json"),
                                List.of(FAILED.resolve("run_results.json")),
                                List.of(FAILED.resolve("sources.json"))),
                NOW);
    }

    @Test
    void everyResultIsReadAsDbtWroteIt() throws Exception {
        LoadedProject project = failedBuild();
        assertEquals(List.of(), project.warnings());
        DbtOracle.assertResultsAsWritten(project, FAILED.resolve("run_results.json"), "build");
    }

    @Test
    void skippedNodesAreExactlyWhatDbtSkipped() throws Exception {
        LoadedProject project = failedBuild();
        FailureAnalysis analysis = new FailureAnalyzer().analyze(project.status());
        assertTrue(
                DbtOracle.withStatus(DbtOracle.resultsById(FAILED.resolve("run_results.json")), "skipped")
                                .size()
                        >= 8,
                "the demo's failure skips at least 8 nodes");
        DbtOracle.assertSkipsAsDbtDecided(analysis, FAILED.resolve("run_results.json"));
    }

    @Test
    void theFailingModelIsADatabaseErrorWithItsBlastRadius() throws Exception {
        LoadedProject project = failedBuild();
        FailureAnalysis analysis = new FailureAnalyzer().analyze(project.status());
        Failure model = analysis.failures().stream()
                .filter(f -> project.graph().requireNode(f.node()).type() == NodeType.MODEL)
                .findFirst()
                .orElseThrow();
        assertEquals("error", model.outcome());
        assertEquals(ErrorClass.DATABASE, model.errorClass());
        // dbt-duckdb 1.11 wraps DuckDB's binder error in a "Runtime Error"; the warehouse text underneath decides
        assertTrue(model.firstLine().matches("(Runtime|Database) Error in model .*"), model.firstLine());
        assertTrue(model.detail().contains("Error:"), model.detail());
        // blast radius: the models and exposures downstream of it in the manifest
        Set<NodeId> downstream = project.graph().descendantsOf(model.node());
        long models = downstream.stream()
                .filter(id -> project.graph().requireNode(id).type() == NodeType.MODEL)
                .count();
        assertEquals(models, model.blastRadius().models());
        assertTrue(!model.blastRadius().exposures().isEmpty(), "an exposure depends on the failing model");
        assertTrue(model.blastRadius().total() >= 8);
        // every skipped model of dbt's that is downstream of it is attributed to it
        Set<String> skippedModels = new HashSet<>();
        model.skipped().forEach(id -> skippedModels.add(id.value()));
        Map<String, JsonNode> results = DbtOracle.resultsById(FAILED.resolve("run_results.json"));
        downstream.forEach(id -> {
            JsonNode r = results.get(id.value());
            if (r != null) {
                assertEquals("skipped", r.path("status").asText(), id.value());
                assertTrue(skippedModels.contains(id.value()), id.value());
            }
        });
    }

    @Test
    void theFailingTestIsATestFailureWithItsRowCount() throws Exception {
        LoadedProject project = failedBuild();
        FailureAnalysis analysis = new FailureAnalyzer().analyze(project.status());
        Failure test = analysis.failures().stream()
                .filter(f -> f.outcome().equals("fail"))
                .findFirst()
                .orElseThrow();
        assertEquals(ErrorClass.TEST, test.errorClass());
        long failures = project.status()
                .lastResult(test.node())
                .orElseThrow()
                .failures()
                .orElseThrow();
        assertTrue(failures > 0);
        assertTrue(test.firstLine().startsWith("Got " + failures + " result"), test.firstLine());
    }

    @Test
    void theStaleSourceIsAFreshnessFailure() throws Exception {
        LoadedProject project = failedBuild();
        FailureAnalysis analysis = new FailureAnalyzer().analyze(project.status());
        JsonNode sources = Fixtures.tree(FAILED.resolve("sources.json")).path("results");
        Set<String> dbtStale = new TreeSet<>();
        sources.forEach(s -> {
            if (!"pass".equals(s.path("status").asText())) {
                dbtStale.add(s.path("unique_id").asText());
            }
        });
        assertEquals(
                dbtStale,
                new TreeSet<>(analysis.staleSources().stream()
                        .map(s -> s.source().value())
                        .toList()));
        SourceFreshnessProblem stale = analysis.staleSources().get(0);
        assertEquals(FreshnessStatus.ERROR, stale.freshness().result().status());
        assertTrue(stale.description().contains(" is stale: data was "), stale.description());
        assertTrue(analysis.failures().stream()
                .anyMatch(f -> f.node().equals(stale.source()) && f.errorClass() == ErrorClass.FRESHNESS));
        assertEquals(NodeState.STALE, project.status().stateOf(stale.source()));
    }

    @Test
    void aRerunOverridesTheBuildWhereItRanAndOnlyThere() throws Exception {
        Path rerun = Fixtures.demo("rerun").resolve("run_results.json");
        LoadedProject merged = LoadedProject.of(
                new ArtifactLoader()
                        .load(
                                FAILED.resolve("manifest.json"),
                                List.of(rerun, FAILED.resolve("run_results.json")),
                                List.of()),
                NOW);
        Map<String, JsonNode> build = DbtOracle.resultsById(FAILED.resolve("run_results.json"));
        Map<String, JsonNode> again = DbtOracle.resultsById(rerun);
        assertTrue(!again.isEmpty());
        build.forEach((id, r) -> {
            JsonNode winner = again.getOrDefault(id, r);
            assertEquals(
                    winner.path("status").asText(),
                    merged.status().lastResult(NodeId.of(id)).orElseThrow().rawStatus(),
                    id);
        });
        Set<String> fixedNow = DbtOracle.withStatus(again, "success");
        Set<String> wasFailed = DbtOracle.withStatus(build, "error");
        assertTrue(fixedNow.containsAll(wasFailed), "the rerun fixes the failing model");
    }

    @Test
    void aCleanBuildHasNoFailures() throws Exception {
        Path clean = Fixtures.demo("clean-build");
        LoadedProject project = LoadedProject.of(
                new ArtifactLoader()
                        .load(
                                clean.resolve("manifest.json"),
                                List.of(clean.resolve("run_results.json")),
                                List.of(clean.resolve("sources.json"))),
                NOW);
        FailureAnalysis analysis = new FailureAnalyzer().analyze(project.status());
        assertEquals(List.of(), analysis.failures());
        assertEquals(List.of(), analysis.skipCauses());
        assertEquals(List.of(), analysis.staleSources());
    }
}
