// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a generic data test is: {@code test_metadata} plus the column and the model it was declared on.
 *
 * @param name the test macro name without namespace ({@code unique}, {@code relationships}, ...)
 * @param namespace the package of the test macro, when not dbt's own
 * @param kwargs the test's arguments as written (read-only)
 * @param columnName the tested column, when declared on a column
 * @param attachedNode the node whose YAML declared the test
 */
public record TestMetadata(
        String name,
        Optional<String> namespace,
        JsonNode kwargs,
        Optional<String> columnName,
        Optional<NodeId> attachedNode) {

    public TestMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(kwargs, "kwargs");
        Objects.requireNonNull(columnName, "columnName");
        Objects.requireNonNull(attachedNode, "attachedNode");
    }
}
