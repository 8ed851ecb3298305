// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.app.project;

import dev.dbtrescue.graph.manifest.ArtifactException;
import dev.dbtrescue.graph.manifest.ManifestReader;
import dev.dbtrescue.graph.manifest.ProjectArtifacts;
import dev.dbtrescue.graph.manifest.RunResultsReader;
import dev.dbtrescue.graph.manifest.SourceFreshnessResults;
import dev.dbtrescue.graph.manifest.SourcesReader;
import dev.dbtrescue.graph.select.SelectionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads {@code --state DIR} as dbt does: the folder's manifest, run results and sources, and the current sources. */
public final class StateFolder {

    private StateFolder() {}

    /**
     * @param state the state folder, or null for none
     * @param current the project's artifacts; the newest of their sources.json files is the current freshness
     */
    public static SelectionState read(@Nullable Path state, ProjectArtifacts current) throws ArtifactException {
        return read(
                state,
                current.sources().stream()
                        .max(Comparator.comparing(
                                s -> s.metadata().generatedAt().orElse(Instant.EPOCH))));
    }

    /**
     * @param state the state folder, or null for none
     * @param targetDir the project's target folder (for the current sources.json), or null when unknown
     */
    public static SelectionState read(@Nullable Path state, @Nullable Path targetDir) throws ArtifactException {
        if (state == null) {
            return SelectionState.NONE;
        }
        Path currentSources = targetDir == null ? null : targetDir.resolve("sources.json");
        return read(
                state,
                currentSources != null && Files.exists(currentSources)
                        ? Optional.of(new SourcesReader().read(currentSources))
                        : Optional.empty());
    }

    /**
     * @param state the state folder, or null for none
     * @param currentSources the project's current sources.json, already read, when there is one
     */
    public static SelectionState read(@Nullable Path state, Optional<SourceFreshnessResults> currentSources)
            throws ArtifactException {
        if (state == null) {
            return SelectionState.NONE;
        }
        if (!Files.isDirectory(state)) {
            throw new ArtifactException(
                    state,
                    Files.exists(state) ? "is a file, not a state folder" : "this state folder does not exist",
                    "Pass --state the folder that holds the previous run's artifacts (a copy of its target/)");
        }
        return new SelectionState(
                Files.exists(state.resolve("manifest.json"))
                        ? Optional.of(new ManifestReader().read(state.resolve("manifest.json")))
                        : Optional.empty(),
                Files.exists(state.resolve("run_results.json"))
                        ? Optional.of(new RunResultsReader().read(state.resolve("run_results.json")))
                        : Optional.empty(),
                Files.exists(state.resolve("sources.json"))
                        ? Optional.of(new SourcesReader().read(state.resolve("sources.json")))
                        : Optional.empty(),
                currentSources);
    }
}
