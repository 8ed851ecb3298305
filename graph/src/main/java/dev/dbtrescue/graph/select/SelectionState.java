// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import dev.dbtrescue.graph.manifest.Manifest;
import dev.dbtrescue.graph.manifest.RunResults;
import dev.dbtrescue.graph.manifest.SourceFreshnessResults;
import java.util.Objects;
import java.util.Optional;

/**
 * What state-based methods compare against, as dbt reads it from {@code --state DIR}: the state manifest
 * ({@code state:}), the state's {@code run_results.json} ({@code result:}), and the state's and the current
 * {@code sources.json} ({@code source_status:}).
 *
 * @param manifest {@code DIR/manifest.json}, when present
 * @param runResults {@code DIR/run_results.json}, when present
 * @param previousSources {@code DIR/sources.json}, when present
 * @param currentSources the project's current {@code target/sources.json}, when present
 */
public record SelectionState(
        Optional<Manifest> manifest,
        Optional<RunResults> runResults,
        Optional<SourceFreshnessResults> previousSources,
        Optional<SourceFreshnessResults> currentSources) {

    /** No state: state-based methods fail with a message saying what to pass. */
    public static final SelectionState NONE =
            new SelectionState(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public SelectionState {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(runResults, "runResults");
        Objects.requireNonNull(previousSources, "previousSources");
        Objects.requireNonNull(currentSources, "currentSources");
    }
}
