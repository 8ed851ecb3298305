// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtrescue.graph.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoProjectTest {

    @TempDir
    Path tmp;

    @Test
    void extractsTheFailedBuildAndProductionStateFromTheClasspath() throws Exception {
        DemoProject.Extracted demo = new DemoProject(tmp).extract();

        assertEquals(
                Files.readString(Fixtures.demo("failed-build").resolve("run_results.json")),
                Files.readString(demo.project().resolve("target/run_results.json")));
        assertEquals(
                Files.readString(Fixtures.demo("state/prod").resolve("manifest.json")),
                Files.readString(demo.state().resolve("manifest.json")));
        assertEquals(Optional.of(demo.state()), demo.source().state());
    }

    @Test
    void extractsAgainOverAnOlderCopy() throws Exception {
        DemoProject.Extracted first = new DemoProject(tmp).extract();
        Files.writeString(first.project().resolve("target/manifest.json"), "{}");

        DemoProject.Extracted again = new DemoProject(tmp).extract();

        assertTrue(Files.size(again.project().resolve("target/manifest.json")) > 1000);
    }
}
