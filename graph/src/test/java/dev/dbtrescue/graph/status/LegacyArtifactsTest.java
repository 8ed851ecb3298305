// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.manifest.FreshnessStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real artifacts written by dbt 1.0 to 1.7 (manifest v4 to v11, run_results v4 and v5, sources v3) of a small
 * project with a failing model, a failing test, a stale source and a source whose freshness query fails: statuses,
 * skips and freshness are read as those dbt versions wrote them.
 */
class LegacyArtifactsTest {

    static Stream<Path> versions() {
        return Fixtures.legacyVersions().stream();
    }

    private static LoadedProject load(Path version) throws Exception {
        return LoadedProject.of(
                new ArtifactLoader()
                        .load(
                                version.resolve("manifest.json"),
                                List.of(version.resolve("run_results.json")),
                                List.of(version.resolve("sources.json"))),
                Instant.parse("2026-11-21T12:00:00Z"));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void resultsAreReadAsThatDbtVersionWroteThem(Path version) throws Exception {
        LoadedProject project = load(version);
        assertEquals(List.of(), project.warnings());
        DbtOracle.assertResultsAsWritten(project, version.resolve("run_results.json"), "build");
    }

    @ParameterizedTest
    @MethodSource("versions")
    void skipsAreExactlyWhatThatDbtVersionSkipped(Path version) throws Exception {
        FailureAnalysis analysis = new FailureAnalyzer().analyze(load(version).status());
        DbtOracle.assertSkipsAsDbtDecided(analysis, version.resolve("run_results.json"));
        assertEquals(
                Set.of(ErrorClass.DATABASE, ErrorClass.TEST, ErrorClass.FRESHNESS),
                new TreeSet<>(
                        analysis.failures().stream().map(Failure::errorClass).toList()));
    }

    @ParameterizedTest
    @MethodSource("versions")
    void freshnessOfEachSourceIsAsWritten(Path version) throws Exception {
        LoadedProject project = load(version);
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode result : Fixtures.tree(version.resolve("sources.json")).path("results")) {
            expected.put(
                    result.path("unique_id").asText(), result.path("status").asText());
        }
        Map<String, String> actual = new TreeMap<>();
        project.status()
                .sourceFreshness()
                .forEach((id, f) -> actual.put(id.value(), f.result().status().dbtName()));
        assertEquals(expected, actual);
        FailureAnalysis analysis = new FailureAnalyzer().analyze(project.status());
        assertEquals(
                expected.values().stream().filter(s -> !s.equals("pass")).count(),
                analysis.staleSources().size());
        analysis.staleSources().stream()
                .filter(s -> s.freshness().result().status() == FreshnessStatus.RUNTIME_ERROR)
                .forEach(s -> assertEquals(true, s.description().contains("could not be measured"), s.description()));
    }
}
