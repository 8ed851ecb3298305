// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.status;

import dev.dbtrescue.graph.manifest.FreshnessResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A source's latest freshness, with ages relative to the moment the status was computed.
 *
 * @param result the latest freshness result
 * @param dataAge how old the newest loaded data is now ({@code now - max_loaded_at}), when known
 * @param checkAge how long ago freshness was measured, when known
 */
public record SourceFreshness(FreshnessResult result, Optional<Duration> dataAge, Optional<Duration> checkAge) {

    public SourceFreshness {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(dataAge, "dataAge");
        Objects.requireNonNull(checkAge, "checkAge");
    }

    static SourceFreshness of(FreshnessResult result, Instant now) {
        return new SourceFreshness(
                result,
                result.maxLoadedAt().map(at -> Duration.between(at, now)),
                result.snapshottedAt().map(at -> Duration.between(at, now)));
    }
}
