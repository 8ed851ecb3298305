// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import java.util.List;
import java.util.Objects;

/**
 * A {@code sources.json}: the outcome of one {@code dbt source freshness} invocation.
 *
 * @param metadata the artifact metadata
 * @param results one result per checked source (since dbt 1.8, sources whose query failed are not written)
 * @param source the file or stream name it was read from
 */
public record SourceFreshnessResults(ArtifactMetadata metadata, List<FreshnessResult> results, String source) {

    public SourceFreshnessResults {
        Objects.requireNonNull(metadata, "metadata");
        results = List.copyOf(results);
        Objects.requireNonNull(source, "source");
    }
}
