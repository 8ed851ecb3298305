// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtrescue.graph.NodeId;
import dev.dbtrescue.graph.fixtures.RealDbt;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real pinned dbt on a fresh copy of the demo project (new DuckDB, failure switches on) and checks that our
 * reading of the artifacts it just wrote matches dbt: its node list, its statuses, its skips.
 */
class DemoProjectIT {

    @TempDir
    Path scratch;

    @Test
    void ourReadingOfFreshArtifactsMatchesWhatDbtDid() throws Exception {
        RealDbt dbt = RealDbt.demoCopy(scratch);
        RealDbt.Outcome load = dbt.run("run-operation", "load_raw_data", "--args", "{stale_tables: [web_events]}");
        assertEquals(0, load.exitCode(), load.output());
        RealDbt.Outcome build = dbt.run("build", "--vars", "{demo_break_model: true, as_of_date: \"2025-12-31\"}");
        assertEquals(1, build.exitCode(), "the incident build fails:\n" + build.output());
        RealDbt.Outcome freshness = dbt.run("source", "freshness");
        assertEquals(1, freshness.exitCode(), "one source is stale:\n" + freshness.output());
        RealDbt.Outcome ls =
                dbt.run("--quiet", "ls", "--resource-type", "all", "--output", "json", "--output-keys", "unique_id");
        assertEquals(0, ls.exitCode(), ls.output());

        LoadedProject project = LoadedProject.of(new ArtifactLoader().loadProject(dbt.project()), Instant.now());
        assertEquals(List.of(), project.warnings());

        Set<String> listed = listedIds(ls.output());
        Set<String> ours = new TreeSet<>(
                project.graph().nodes().stream().map(n -> n.id().value()).toList());
        assertTrue(listed.size() > 100, "dbt ls listed " + listed.size());
        assertTrue(ours.containsAll(listed), "missing: " + difference(listed, ours));

        Path target = dbt.project().resolve("target");
        DbtOracle.assertResultsAsWritten(project, target.resolve("run_results.json"), "build");
        FailureAnalysis analysis = new FailureAnalyzer().analyze(project.status());
        DbtOracle.assertSkipsAsDbtDecided(analysis, target.resolve("run_results.json"));
        Set<ErrorClass> classes = new TreeSet<>(
                analysis.failures().stream().map(Failure::errorClass).toList());
        assertEquals(Set.of(ErrorClass.DATABASE, ErrorClass.TEST, ErrorClass.FRESHNESS), classes);
        assertEquals(
                List.of(NodeId.of("source.rescue_shop.web.web_events")),
                analysis.staleSources().stream()
                        .map(SourceFreshnessProblem::source)
                        .toList());
    }

    private static Set<String> listedIds(String output) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new TreeSet<>();
        for (String line : output.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("{")) {
                continue;
            }
            JsonNode msg = json.readTree(trimmed); // --quiet ls prints one JSON object per node
            if (msg.has("unique_id")) {
                ids.add(msg.get("unique_id").asText());
            }
        }
        return ids;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
