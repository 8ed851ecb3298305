// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * Source-table specifics.
 *
 * @param sourceName the {@code source_name} (the table is the node's {@code name})
 * @param loadedAtField the column freshness is measured on, when configured
 * @param freshness the {@code freshness} config ({@code warn_after}, {@code error_after}, {@code filter}); a JSON null
 *     or missing node when freshness is not configured (read-only)
 * @param compared the other fields dbt's state comparison looks at ({@code quoting}, {@code external},
 *     {@code loaded_at_query}, {@code unrendered_database}, {@code unrendered_schema}, {@code identifier}), as an
 *     object of those that were present (read-only)
 */
public record SourceInfo(String sourceName, Optional<String> loadedAtField, JsonNode freshness, JsonNode compared) {

    public SourceInfo {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(loadedAtField, "loadedAtField");
        Objects.requireNonNull(freshness, "freshness");
        Objects.requireNonNull(compared, "compared");
    }
}
