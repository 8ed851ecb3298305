// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import java.util.Optional;

/**
 * The dbt artifacts dbt-rescue reads, with the schema versions it supports.
 *
 * @see <a href="https://docs.getdbt.com/reference/artifacts/dbt-artifacts">dbt artifacts</a>
 */
public enum ArtifactKind {
    /** {@code manifest.json}: v4 (dbt 1.0) to v12 (dbt 1.8 to 1.12). */
    MANIFEST("manifest", "manifest.json", 4, 12, "dbt parse"),
    /** {@code run_results.json}: v4 (dbt 1.0 to 1.6) to v6 (dbt 1.8 to 1.12). */
    RUN_RESULTS("run-results", "run_results.json", 4, 6, "dbt build"),
    /** {@code sources.json}: v1 to v3. */
    SOURCES("sources", "sources.json", 1, 3, "dbt source freshness"),
    /** {@code catalog.json}: recognised only to explain that it is not one of the above. */
    CATALOG("catalog", "catalog.json", 1, 1, "dbt docs generate");

    private final String schemaName;
    private final String fileName;
    private final int minVersion;
    private final int maxVersion;
    private final String producedBy;

    ArtifactKind(String schemaName, String fileName, int minVersion, int maxVersion, String producedBy) {
        this.schemaName = schemaName;
        this.fileName = fileName;
        this.minVersion = minVersion;
        this.maxVersion = maxVersion;
        this.producedBy = producedBy;
    }

    /** The conventional file name under {@code target/}. */
    public String fileName() {
        return fileName;
    }

    /** The oldest schema version read. */
    public int minVersion() {
        return minVersion;
    }

    /** The newest schema version read. */
    public int maxVersion() {
        return maxVersion;
    }

    /** A dbt command that writes this artifact, for messages. */
    public String producedBy() {
        return producedBy;
    }

    /** The kind named by a {@code dbt_schema_version} URL such as {@code .../dbt/manifest/v12.json}. */
    public static Optional<ArtifactKind> fromSchemaUrl(String url) {
        String[] parts = url.split("/");
        if (parts.length < 2) {
            return Optional.empty();
        }
        String name = parts[parts.length - 2];
        for (ArtifactKind kind : values()) {
            if (kind.schemaName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /**
     * The schema version in a {@code dbt_schema_version} URL, read the way dbt does: the last path segment without
     * its extension and leading {@code v}.
     */
    public static Optional<Integer> versionFromSchemaUrl(String url) {
        String last = url.substring(url.lastIndexOf('/') + 1);
        int dot = last.indexOf('.');
        String stem = dot < 0 ? last : last.substring(0, dot);
        if (!stem.startsWith("v")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(stem.substring(1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
