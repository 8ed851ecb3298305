// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import java.util.List;
import java.util.Objects;

/**
 * The artifacts of one project, as read.
 *
 * @param manifest the manifest
 * @param runResults run results, oldest invocation first
 * @param sources freshness results
 */
public record ProjectArtifacts(Manifest manifest, List<RunResults> runResults, List<SourceFreshnessResults> sources) {

    public ProjectArtifacts {
        Objects.requireNonNull(manifest, "manifest");
        runResults = List.copyOf(runResults);
        sources = List.copyOf(sources);
    }
}
