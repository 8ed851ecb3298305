// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.manifest;

import dev.dbtrescue.graph.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code sources.json}'s {@code results}.
 *
 * @param id the source table
 * @param status the freshness outcome
 * @param maxLoadedAt the newest {@code loaded_at_field} value dbt found
 * @param snapshottedAt when dbt measured it
 * @param dataAge {@code max_loaded_at_time_ago_in_s}: how old the data was at measurement
 * @param error the error text of a {@code runtime error} result
 * @param invocationId the invocation that measured it
 */
public record FreshnessResult(
        NodeId id,
        FreshnessStatus status,
        Optional<Instant> maxLoadedAt,
        Optional<Instant> snapshottedAt,
        Optional<Duration> dataAge,
        Optional<String> error,
        String invocationId) {

    public FreshnessResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(maxLoadedAt, "maxLoadedAt");
        Objects.requireNonNull(snapshottedAt, "snapshottedAt");
        Objects.requireNonNull(dataAge, "dataAge");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(invocationId, "invocationId");
    }
}
