// SPDX-License-Identifier: Apache-2.0
package dev.dbtrescue.graph.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one node is expected to take.
 *
 * @param duration the expected execution time
 * @param source where the figure comes from
 * @param samples how many recorded runs it is based on (0 for a default)
 */
public record Estimate(Duration duration, Source source, int samples) {

    /** Where an estimate comes from. */
    public enum Source {
        /** The median of the node's recorded execution times in the loaded run results. */
        HISTORY,
        /** A default by resource type and materialization: the node has no usable recorded run. */
        DEFAULT
    }

    public Estimate {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(source, "source");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("an estimate cannot be negative: " + duration);
        }
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be zero or more, was " + samples);
        }
    }

    /** True when the figure is a default rather than measured. */
    public boolean isDefault() {
        return source == Source.DEFAULT;
    }

    /** The duration in (fractional) seconds, the unit plans compute in. */
    public double seconds() {
        return duration.toNanos() / 1e9;
    }
}
