// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import java.util.Locale;

/**
 * The {@code resource_type} of a dbt resource, as written in {@code manifest.json}.
 *
 * @see <a href="https://docs.getdbt.com/reference/artifacts/manifest-json">manifest.json</a>
 */
public enum NodeType {
    MODEL("model"),
    SEED("seed"),
    SNAPSHOT("snapshot"),
    TEST("test"),
    UNIT_TEST("unit_test"),
    SOURCE("source"),
    EXPOSURE("exposure"),
    ANALYSIS("analysis"),
    METRIC("metric"),
    SEMANTIC_MODEL("semantic_model"),
    SAVED_QUERY("saved_query"),
    OPERATION("operation"),
    FUNCTION("function"),
    SQL_OPERATION("sql_operation"),
    /** Any resource type this version of dbt-rescue does not know; kept so that the graph stays complete. */
    OTHER("other");

    private final String dbtName;

    NodeType(String dbtName) {
        this.dbtName = dbtName;
    }

    /** The name dbt uses in {@code resource_type} and in selectors such as {@code resource_type:unit_test}. */
    public String dbtName() {
        return dbtName;
    }

    /**
     * Maps a {@code resource_type} string to its type.
     *
     * @return the type, {@link #OTHER} for an unknown name
     */
    public static NodeType fromDbt(String resourceType) {
        String wanted = resourceType.toLowerCase(Locale.ROOT);
        for (NodeType type : values()) {
            if (type.dbtName.equals(wanted)) {
                return type;
            }
        }
        return OTHER;
    }

    /** True for resources that dbt materialises in the warehouse: models, seeds and snapshots. */
    public boolean isBuildable() {
        return this == MODEL || this == SEED || this == SNAPSHOT;
    }

    /**
     * True for resources dbt keeps in the manifest's {@code nodes} map (its {@code ParsedNode} classes): models,
     * seeds, snapshots, data tests, analyses, hooks, SQL operations and functions. Several selection methods and
     * state checks apply to these only.
     */
    public boolean isParsedNode() {
        return switch (this) {
            case MODEL, SEED, SNAPSHOT, TEST, ANALYSIS, OPERATION, SQL_OPERATION, FUNCTION -> true;
            default -> false;
        };
    }

    /** True for data tests and unit tests. */
    public boolean isTest() {
        return this == TEST || this == UNIT_TEST;
    }
}
