// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.select;

import java.util.Optional;

/**
 * The selection methods dbt 1.12 knows, by the name used before the colon.
 *
 * @see <a href="https://docs.getdbt.com/reference/node-selection/methods">node selection methods</a>
 */
public enum SelectionMethod {
    FQN("fqn"),
    TAG("tag"),
    SOURCE("source"),
    PATH("path"),
    FILE("file"),
    PACKAGE("package"),
    CONFIG("config"),
    TEST_NAME("test_name"),
    TEST_TYPE("test_type"),
    RESOURCE_TYPE("resource_type"),
    STATE("state"),
    EXPOSURE("exposure"),
    METRIC("metric"),
    RESULT("result"),
    SOURCE_STATUS("source_status"),
    GROUP("group"),
    ACCESS("access"),
    VERSION("version"),
    SEMANTIC_MODEL("semantic_model"),
    SAVED_QUERY("saved_query"),
    UNIT_TEST("unit_test"),
    SELECTOR("selector");

    private final String dbtName;

    SelectionMethod(String dbtName) {
        this.dbtName = dbtName;
    }

    /** The name as written in selectors. */
    public String dbtName() {
        return dbtName;
    }

    /** The method with this name, empty when dbt does not know it. */
    public static Optional<SelectionMethod> fromDbt(String name) {
        for (SelectionMethod m : values()) {
            if (m.dbtName.equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
