// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code metadata} block common to dbt artifacts.
 *
 * @param kind which artifact this is
 * @param schemaVersion the schema version from {@code dbt_schema_version}
 * @param dbtVersion the dbt version that wrote it, empty if not recorded
 * @param generatedAt when it was written
 * @param invocationId the dbt invocation that wrote it
 * @param projectName the root project's name (manifest only)
 * @param projectId the md5 of the project name (manifest only)
 * @param adapterType the adapter, e.g. {@code duckdb} (manifest only)
 */
public record ArtifactMetadata(
        ArtifactKind kind,
        int schemaVersion,
        Optional<String> dbtVersion,
        Optional<Instant> generatedAt,
        Optional<String> invocationId,
        Optional<String> projectName,
        Optional<String> projectId,
        Optional<String> adapterType) {

    public ArtifactMetadata {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dbtVersion, "dbtVersion");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(invocationId, "invocationId");
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(adapterType, "adapterType");
    }
}
