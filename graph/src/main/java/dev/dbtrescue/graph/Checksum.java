// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph;

import java.util.Objects;

/**
 * A node's {@code checksum}: {@code name} is {@code sha256} normally, {@code path} for large seeds and {@code none}
 * for some generated nodes.
 *
 * @param name the hash kind; empty when the artifact had no checksum
 * @param value the hash (or the path for {@code path} checksums)
 */
public record Checksum(String name, String value) {

    /** No checksum recorded. */
    public static final Checksum NONE = new Checksum("none", "");

    public Checksum {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * dbt's equality of file hashes: same kind, same value, and a kind other than {@code none}.
     *
     * @see <a href="https://docs.getdbt.com/reference/node-selection/state-comparison-caveats">state caveats</a>
     */
    public boolean sameAs(Checksum other) {
        return !"none".equals(name) && name.equals(other.name) && value.equals(other.value);
    }
}
