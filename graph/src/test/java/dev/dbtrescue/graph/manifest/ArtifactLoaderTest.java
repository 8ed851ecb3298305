// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactLoaderTest {

    @TempDir
    Path project;

    @Test
    void theCallerHearsOfEachFileInTurn() throws Exception {
        copyDemo();
        List<String> told = new ArrayList<>();

        new ArtifactLoader()
                .loadProject(
                        project, List.of(), file -> told.add(file.getFileName().toString()));

        assertEquals(List.of("manifest.json", "run_results.json", "sources.json"), told);
    }

    @Test
    void anExceptionFromTheCallerStopsTheLoad() throws Exception {
        copyDemo();
        List<String> told = new ArrayList<>();

        assertThrows(
                CancellationException.class,
                () -> new ArtifactLoader().loadProject(project, List.of(), file -> {
                    told.add(file.getFileName().toString());
                    if (told.size() == 2) {
                        throw new CancellationException("cancelled");
                    }
                }));
        assertEquals(List.of("manifest.json", "run_results.json"), told);
    }

    @Test
    void aBadRunResultsReadBesideTheManifestIsReportedAsItself() throws Exception {
        copyDemo();
        Files.writeString(project.resolve("target/run_results.json"), "{\"metadata\": {");

        ArtifactException e = assertThrows(ArtifactException.class, () -> new ArtifactLoader().loadProject(project));

        assertTrue(e.getMessage().contains("run_results.json") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void whenTheManifestAndTheRunResultsAreBothBadTheManifestIsReported() throws Exception {
        copyDemo();
        Files.writeString(project.resolve("target/run_results.json"), "{\"metadata\": {");
        Files.writeString(project.resolve("target/manifest.json"), "[]");

        ArtifactException e = assertThrows(ArtifactException.class, () -> new ArtifactLoader().loadProject(project));

        assertTrue(e.getMessage().contains("manifest.json"), e.getMessage());
    }

    @Test
    void theRunResultsAndSourcesReadBesideTheManifestAreTheOnesReadAlone() throws Exception {
        copyDemo();
        Path target = project.resolve("target");

        ProjectArtifacts all = new ArtifactLoader().loadProject(project);

        assertEquals(
                new ManifestReader().read(target.resolve("manifest.json")).nodes(),
                all.manifest().nodes());
        assertEquals(1, all.runResults().size());
        assertEquals(
                new RunResultsReader().read(target.resolve("run_results.json")).results(),
                all.runResults().get(0).results());
        assertEquals(
                new SourcesReader().read(target.resolve("sources.json")).results(),
                all.sources().get(0).results());
    }

    private void copyDemo() throws Exception {
        Path target = Files.createDirectories(project.resolve("target"));
        for (String file : List.of("manifest.json", "run_results.json", "sources.json")) {
            Files.copy(Fixtures.demo("failed-build").resolve(file), target.resolve(file));
        }
    }
}
