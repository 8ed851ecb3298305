// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import dev.dbtrescue.graph.NodeId;
import java.util.Objects;

/**
 * A source that needs attention.
 *
 * @param source the source table
 * @param freshness its latest freshness
 * @param description a one-line human description, e.g. {@code data is 3d 1h old (error after 1 day)}
 */
public record SourceFreshnessProblem(NodeId source, SourceFreshness freshness, String description) {

    public SourceFreshnessProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(freshness, "freshness");
        Objects.requireNonNull(description, "description");
    }
}
