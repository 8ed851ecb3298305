// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One dbt resource (model, seed, snapshot, test, source, exposure, ...) with the fields dbt-rescue needs. SQL is not
 * held here: {@link #code()} says where to load it from on demand.
 *
 * @param id the unique_id
 * @param type the resource type
 * @param name the logical name (for sources, the table name)
 * @param packageName the package that defines it
 * @param fqn the fully qualified name as dbt computes it
 * @param location where it is defined
 * @param relation where it lives in the warehouse
 * @param tags the node-level tags (for unit tests, {@code config.tags})
 * @param config the rendered config
 * @param unrenderedConfig the config as written, which is what dbt's state comparison uses
 * @param dependsOn what it reads
 * @param checksum the file hash
 * @param columns the documented column names, in artifact order
 * @param details type-specific fields
 * @param code where its SQL sits in the artifact
 */
public record Node(
        NodeId id,
        NodeType type,
        String name,
        String packageName,
        List<String> fqn,
        NodeLocation location,
        Relation relation,
        List<String> tags,
        NodeConfig config,
        NodeConfig unrenderedConfig,
        Dependencies dependsOn,
        Checksum checksum,
        List<String> columns,
        NodeDetails details,
        CodeLocation code) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(packageName, "packageName");
        fqn = List.copyOf(fqn);
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(relation, "relation");
        tags = List.copyOf(tags);
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(unrenderedConfig, "unrenderedConfig");
        Objects.requireNonNull(dependsOn, "dependsOn");
        Objects.requireNonNull(checksum, "checksum");
        columns = List.copyOf(columns);
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(code, "code");
    }

    /** The materialization ({@code view}, {@code table}, {@code incremental}, ...), empty where none applies. */
    public Optional<String> materialized() {
        return config.materialized();
    }

    /**
     * True for an ephemeral model: dbt compiles it into its consumers as a CTE, never builds it, and reports no result
     * for it.
     */
    public boolean isEphemeral() {
        return type == NodeType.MODEL
                && materialized().filter("ephemeral"::equals).isPresent();
    }

    /** True for generic data tests (those with {@code test_metadata}); singular tests are false. */
    public boolean isGenericTest() {
        return details.test().isPresent();
    }

    /** The owner from {@code meta.owner} (node level, then config), or the exposure owner. */
    public Optional<String> owner() {
        var metaOwner = details.meta().path("owner");
        if (metaOwner.isTextual()) {
            return Optional.of(metaOwner.asText());
        }
        Optional<String> configOwner = config.text("meta.owner");
        if (configOwner.isPresent()) {
            return configOwner;
        }
        return details.exposure().flatMap(e -> e.ownerName().or(e::ownerEmail));
    }

    /** The name as people say it: sources as {@code raw.orders}, versioned models as {@code dim_customers v2}. */
    public String displayName() {
        String shown = details.source().map(s -> s.sourceName() + "." + name).orElse(name);
        return details.version().map(v -> shown + " v" + v).orElse(shown);
    }

    /** A short label for lists and messages: {@code model orders}, {@code source raw.orders}, ... */
    public String label() {
        return type.dbtName() + " " + displayName();
    }
}
