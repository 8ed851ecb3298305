// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import dev.dbtrescue.graph.fixtures.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Project folders and loaders for the tests of this package. */
final class TestProjects {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T19:00:00Z"), ZoneOffset.UTC);

    private TestProjects() {}

    /** A dbt project folder whose target/ holds the demo's failed build. */
    static Path failedBuildProject(Path dir) {
        try {
            Path target = Files.createDirectories(dir.resolve("target"));
            for (String file : List.of("manifest.json", "run_results.json", "sources.json")) {
                Files.copy(Fixtures.demo("failed-build").resolve(file), target.resolve(file));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Production's state folder of the demo. */
    static Path prodState() {
        return Fixtures.demo("state/prod");
    }

    /** A copy of the failed build's manifest cut off in the middle. */
    static Path truncatedManifest(Path dir) {
        try {
            byte[] whole = Files.readAllBytes(Fixtures.demo("failed-build").resolve("manifest.json"));
            Path file = Files.createDirectories(dir).resolve("manifest.json");
            Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies artifacts of the failed build into a folder, as an SSH copy would. */
    static List<String> copyFailedBuild(Path dir, String... names) {
        try {
            Files.createDirectories(dir);
            for (String name : names) {
                Files.copy(Fixtures.demo("failed-build").resolve(name), dir.resolve(name));
            }
            return List.of(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loader whose SSH copies fail: for tests that never reach a host. */
    static ProjectLoader loader(Path home) {
        return new ProjectLoader(
                AppFolders.under(home),
                (source, localDir, prompts, progress) -> {
                    throw new AssertionError("no SSH in this test");
                },
                CLOCK);
    }
}
