// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import java.util.Objects;

/**
 * A dbt {@code unique_id}, such as {@code model.shop.orders} or {@code source.shop.raw.orders}.
 *
 * <p>Only the string is compared; meaning (type, package, name) is read from the {@link Node}, never parsed out of the
 * id (dbt-reference §1.4).
 *
 * @param value the unique_id as dbt wrote it; never blank
 */
public record NodeId(String value) implements Comparable<NodeId> {

    public NodeId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a unique_id cannot be blank");
        }
    }

    /** Shorthand for {@code new NodeId(value)}. */
    public static NodeId of(String value) {
        return new NodeId(value);
    }

    @Override
    public int compareTo(NodeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
