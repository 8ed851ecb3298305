// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a resource lives in the warehouse.
 *
 * @param database the rendered database, when known
 * @param schema the rendered schema, when known
 * @param alias the relation identifier (for sources, the {@code identifier})
 * @param relationName the fully quoted relation; empty for ephemeral models and most tests
 */
public record Relation(
        Optional<String> database, Optional<String> schema, Optional<String> alias, Optional<String> relationName) {

    /** A resource with no warehouse location (exposures, metrics, ...). */
    public static final Relation NONE =
            new Relation(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public Relation {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(relationName, "relationName");
    }
}
