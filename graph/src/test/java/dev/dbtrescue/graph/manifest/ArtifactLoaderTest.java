// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void theCallerHearsOfEachFileBeforeItIsRead() throws Exception {
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

    private void copyDemo() throws Exception {
        Path target = Files.createDirectories(project.resolve("target"));
        for (String file : List.of("manifest.json", "run_results.json", "sources.json")) {
            Files.copy(Fixtures.demo("failed-build").resolve(file), target.resolve(file));
        }
    }
}
