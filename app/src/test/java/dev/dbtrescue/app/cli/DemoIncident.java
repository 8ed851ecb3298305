// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.cli;

import dev.dbtrescue.graph.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The demo's committed failed build as a project folder, and the {@code report} command run on it at a fixed time. */
final class DemoIncident {

    /** The moment the reports are made, so ages and the report's date do not move. */
    static final String NOW = "2026-11-21T20:00:00Z";

    private DemoIncident() {}

    /** Copies the failed build's artifacts into {@code dir/demo/target} and returns {@code dir/demo}. */
    static Path copyTo(Path dir) throws IOException {
        Path project = dir.resolve("demo");
        Files.createDirectories(project.resolve("target"));
        for (String name : List.of("manifest.json", "run_results.json", "sources.json")) {
            Files.copy(
                    Fixtures.demo("failed-build").resolve(name),
                    project.resolve("target").resolve(name));
        }
        return project;
    }

    /** {@code dbt-rescue report --project PROJECT --now NOW ARGS}, in process. */
    static CliRun report(Path project, String... args) {
        List<String> all = new ArrayList<>(List.of("report", "--project", project.toString(), "--now", NOW));
        all.addAll(List.of(args));
        return CliRun.of(all);
    }
}
