// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtrescue.graph.fixtures.Fixtures;
import dev.dbtrescue.graph.manifest.ArtifactLoader;
import dev.dbtrescue.graph.status.Failure;
import dev.dbtrescue.graph.status.FailureAnalysis;
import dev.dbtrescue.graph.status.FailureAnalyzer;
import dev.dbtrescue.graph.status.LoadedProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

    private static final String NOW = "2026-11-21T12:00:00Z";
    private static final Path FAILED = Fixtures.demo("failed-build");

    private static String[] failedBuildArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "status",
                "--manifest",
                FAILED.resolve("manifest.json").toString(),
                "--run-results",
                FAILED.resolve("run_results.json").toString(),
                "--sources",
                FAILED.resolve("sources.json").toString(),
                "--now",
                NOW));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static FailureAnalysis engine() throws Exception {
        LoadedProject project = LoadedProject.of(
                new ArtifactLoader()
                        .load(
                                FAILED.resolve("manifest.json"),
                                List.of(FAILED.resolve("run_results.json")),
                                List.of(FAILED.resolve("sources.json"))),
                Instant.parse(NOW));
        return new FailureAnalyzer().analyze(project.status());
    }

    @Test
    void jsonListsEveryFailureWithClassFirstLineBlastRadiusAndSkips() throws Exception {
        CliRun run = CliRun.of(failedBuildArgs("--format", "json"));
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        FailureAnalysis analysis = engine();
        assertEquals(analysis.failures().size(), json.path("failures").size());
        for (int i = 0; i < analysis.failures().size(); i++) {
            Failure expected = analysis.failures().get(i);
            JsonNode actual = json.path("failures").get(i);
            assertEquals(expected.node().value(), actual.path("unique_id").asText());
            assertEquals(
                    expected.errorClass().label(), actual.path("error_class").asText());
            assertEquals(expected.firstLine(), actual.path("first_line").asText());
            assertEquals(
                    expected.blastRadius().total(),
                    actual.path("blast_radius").path("total").asInt());
            assertEquals(expected.skipped().size(), actual.path("skipped").size());
        }
        assertEquals("rescue_shop", json.path("project").asText());
        assertEquals(1, json.path("stale_sources").size());
        assertEquals(analysis.skipCauses().size(), json.path("skipped").size());
    }

    @Test
    void textNamesTheFailingModelItsClassAndItsBlastRadius() throws Exception {
        CliRun run = CliRun.of(failedBuildArgs());
        assertEquals(0, run.exit(), run.err());
        Failure model = engine().failures().stream()
                .filter(f -> f.node().value().startsWith("model."))
                .findFirst()
                .orElseThrow();
        assertTrue(run.out().startsWith("Project rescue_shop (manifest v12, dbt 1.12.6): "), run.out());
        assertTrue(run.out().contains("  " + model.node() + "  error · Database · "), run.out());
        assertTrue(run.out().contains("    blast radius: " + model.blastRadius().total() + " downstream ("), run.out());
        assertTrue(run.out().contains("    skipped " + model.skipped().size() + ": "), run.out());
        assertTrue(run.out().contains("\nStale sources: 1\n  source.rescue_shop.web.web_events  error · "), run.out());
    }

    @Test
    void projectFolderReadsItsTargetArtifacts(@TempDir Path project) throws Exception {
        Path target = Files.createDirectories(project.resolve("target"));
        for (String file : List.of("manifest.json", "run_results.json", "sources.json")) {
            Files.copy(FAILED.resolve(file), target.resolve(file));
        }
        CliRun viaProject = CliRun.of("status", "--project", project.toString(), "--now", NOW, "--format", "json");
        CliRun viaFiles = CliRun.of(failedBuildArgs("--format", "json"));
        assertEquals(0, viaProject.exit(), viaProject.err());
        JsonNode a = new ObjectMapper().readTree(viaProject.out());
        JsonNode b = new ObjectMapper().readTree(viaFiles.out());
        assertEquals(b.path("failures"), a.path("failures"));
        assertEquals(b.path("counts"), a.path("counts"));
    }

    @Test
    void missingTargetFolderExitsTwoWithAClearMessage(@TempDir Path project) {
        CliRun run = CliRun.of("status", "--project", project.toString());
        assertEquals(2, run.exit());
        assertEquals(
                "dbt-rescue: " + project + ": has no target/ folder, so dbt has not written artifacts here yet."
                        + " Run `dbt parse` (or `dbt build`) in the project first, or pass artifact files with --manifest.\n",
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void truncatedManifestExitsTwoWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path manifest = dir.resolve("manifest.json");
        byte[] full = Files.readAllBytes(FAILED.resolve("manifest.json"));
        Files.write(manifest, java.util.Arrays.copyOf(full, full.length / 3));
        CliRun run = CliRun.of("status", "--manifest", manifest.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("dbt-rescue: " + manifest + ": ends in the middle of the JSON"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void runResultsGivenAsManifestExitsTwoNamingTheMixUp() {
        CliRun run = CliRun.of(
                "status", "--manifest", FAILED.resolve("run_results.json").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains(": this is a run_results.json (schema "), run.err());
    }

    @Test
    void lsWithoutSelectUsesTheProjectsDefaultSelector(@TempDir Path dir) throws Exception {
        // the demo declares no default selector: mark one, as `default: true` in selectors.yml would
        var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper()
                .readTree(Fixtures.demo("state/prod").resolve("manifest.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        manifest.path("selectors").path("payments_impact"))
                .put("default", true);
        Path file = dir.resolve("manifest.json");
        new ObjectMapper().writeValue(file.toFile(), manifest);
        CliRun byDefault = CliRun.of("ls", "--manifest", file.toString());
        CliRun named = CliRun.of("ls", "--manifest", file.toString(), "--selector", "payments_impact");
        assertEquals(0, byDefault.exit(), byDefault.err());
        assertEquals(named.out(), byDefault.out());
        assertTrue(byDefault.out().lines().count() > 10, byDefault.out());
    }

    @Test
    void noInputIsAUsageErrorWithExitTwo() {
        CliRun run = CliRun.of("status");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("Error: Missing required argument"), run.err());
    }

    @Test
    void unknownFormatIsAUsageErrorWithExitTwo() {
        CliRun run = CliRun.of(failedBuildArgs("--format", "yaml"));
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Invalid value for option '--format'"), run.err());
    }
}
